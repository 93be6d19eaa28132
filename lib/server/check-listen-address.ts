import net from "node:net";
import type { Config } from "@/lib/config";
import { isLoopback } from "@/lib/http/peer";

/**
 * Tailscale identity headers are only trustworthy when nothing but `tailscale serve` can reach
 * the port, so a non-loopback listen address needs an explicit opt-in and the owner's passphrase.
 * Returns the reason to refuse, or null.
 */
export function listenAddressProblem(config: Pick<Config, "host" | "allowLan">, hasPassphrase: boolean): string | null {
  if (config.host === "localhost" || isLoopback(config.host)) return null;
  if (!net.isIP(config.host) && config.host !== "0.0.0.0") return `ALBUMS_HOST must be an IP address (got ${config.host}).`;
  if (!config.allowLan) {
    return `ALBUMS_HOST=${config.host} would expose Albums beyond this machine. Keep 127.0.0.1 and use \`tailscale serve\`, or set ALBUMS_ALLOW_LAN=1 and a passphrase (npm run passphrase).`;
  }
  if (!hasPassphrase) return `ALBUMS_ALLOW_LAN=1 needs the owner's passphrase: run \`npm run passphrase\` first.`;
  return null;
}
