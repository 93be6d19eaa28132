import { isIP } from "node:net";
import os from "node:os";
import type { Config } from "@/lib/config";

export type HostPolicy = { names: Set<string>; suffixes: string[] };

/**
 * The host names this box answers to: loopback names; with ALBUMS_OWNER (Tailscale) any
 * `*.ts.net` name, the names `tailscale serve` forwards (their DNS is Tailscale's, so no other
 * site can point one at this box); with ALBUMS_ALLOW_LAN this machine's own name (and its mDNS
 * `.local` name); and whatever ALBUMS_ALLOWED_HOSTS adds (".example.org" allows subdomains).
 */
export function hostPolicy(config: Pick<Config, "owners" | "allowLan" | "allowedHosts">, hostname = os.hostname()): HostPolicy {
  const names = new Set(["localhost"]);
  const suffixes = [".localhost"];
  if (config.owners.length > 0) suffixes.push(".ts.net");
  if (config.allowLan) {
    const own = hostname.toLowerCase();
    names.add(own);
    names.add(`${own.split(".")[0]}.local`);
  }
  for (const entry of config.allowedHosts) {
    const name = entry.replace(/\.$/, "");
    if (name.startsWith(".")) suffixes.push(name);
    else names.add(name);
  }
  return { names, suffixes };
}

/**
 * Whether a Host (or X-Forwarded-Host) header names this box. DNS rebinding makes a browser
 * send an attacker's name to it, with the attacker's page as the origin; refusing names we do
 * not know stops that before any routing. IP literals are accepted: a browser sends one only
 * when the page itself was loaded from that address, so there is no name to rebind.
 * A request without the header (HTTP/1.0 tools) is not a browser's and passes.
 */
export function isAllowedHost(header: string | undefined, policy: HostPolicy): boolean {
  if (header === undefined) return true;
  const host = hostName(header.trim().toLowerCase());
  if (host === null) return false;
  if (isIP(host) !== 0) return true;
  const name = host.replace(/\.$/, "");
  return policy.names.has(name) || policy.suffixes.some((suffix) => name.endsWith(suffix) && name.length > suffix.length);
}

/** The host part of `host[:port]` or `[v6]:port`, or null when malformed. */
function hostName(value: string): string | null {
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(value);
  return plain ? plain[1]! : null;
}
