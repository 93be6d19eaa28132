import { isIPv4, isIPv6 } from "node:net";
import { isLoopback } from "@/lib/http/peer";

/**
 * The rate-limit bucket of a client address. One per IPv4 address; one per IPv6 /64 (a single
 * host is usually handed a whole /64, so per-address buckets would be free to rotate through);
 * one for all of loopback (127.0.0.0/8 is one machine, or the local proxy in front of it).
 */
export function clientBucket(address: string): string {
  const plain = address.replace(/%.*$/, "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (isLoopback(plain)) return "loopback";
  if (isIPv4(plain)) return plain;
  if (isIPv6(plain)) return `${expandIPv6(plain).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes two groups). */
function expandIPv6(address: string): string[] {
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = tail ? address.slice(0, tail.index) + [0, 2].map((i) => ((Number(tail[i + 1]) << 8) | Number(tail[i + 2])).toString(16)).join(":") : address;
  const [head, rest] = hex.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => (Number.parseInt(g, 16) || 0).toString(16));
}
