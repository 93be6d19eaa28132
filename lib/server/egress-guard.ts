import net from "node:net";

/** Outbound connection attempts seen by this process. */
export type EgressCounters = { allowed: number; blocked: number; lastBlocked: string | null };

const counters: EgressCounters = { allowed: 0, blocked: 0, lastBlocked: null };
let installed = false;

export type AllowList = { ranges: net.BlockList; names: Set<string> };

/** Loopback plus the configured entries: IPs, CIDR ranges, or exact host names. */
export function parseAllowList(entries: string[]): AllowList {
  const ranges = new net.BlockList();
  ranges.addSubnet("127.0.0.0", 8, "ipv4");
  ranges.addAddress("::1", "ipv6");
  const names = new Set(["localhost"]);
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const type = net.isIP(address);
    if (type === 0) names.add(entry.toLowerCase());
    else if (bits) ranges.addSubnet(address, Number(bits), type === 6 ? "ipv6" : "ipv4");
    else ranges.addAddress(address, type === 6 ? "ipv6" : "ipv4");
  }
  return { ranges, names };
}

/** True when connecting to `host` is allowed; no host means a local (unix) socket. */
export function isAllowedDestination(host: string | undefined, allow: AllowList): boolean {
  if (!host) return true;
  const bare = host.replace(/^\[|\]$/g, "").replace(/^::ffff:/, "").toLowerCase();
  const type = net.isIP(bare);
  if (type === 0) return allow.names.has(bare);
  return allow.ranges.check(bare, type === 6 ? "ipv6" : "ipv4");
}

/**
 * Counts, and unless `mode` is "count", blocks every outbound TCP connection that is not to
 * loopback or an allowed range (the tailnet, a local model endpoint). Installed once per process
 * at its entry point, before anything else runs.
 */
export function installEgressGuard(options: { allow: string[]; mode: "block" | "count" }): void {
  if (installed) return;
  installed = true;
  const allow = parseAllowList(options.allow);
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    const opts = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string; port?: number } | number | string;
    const host = typeof opts === "object" && opts !== null ? (opts.path ? undefined : (opts.host ?? "localhost")) : typeof opts === "number" ? ((args[1] as string | undefined) ?? "localhost") : undefined;
    if (isAllowedDestination(host, allow)) {
      counters.allowed += 1;
    } else {
      counters.blocked += 1;
      counters.lastBlocked = `${host}`;
      if (options.mode === "block") {
        process.nextTick(() => this.destroy(Object.assign(new Error(`Albums blocks outbound connections (to ${host}); nothing leaves the box`), { code: "EACCES" })));
        return this;
      }
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
}

/** This process's counters (a copy). */
export function egressCounters(): EgressCounters {
  return { ...counters };
}
