import { execFileSync } from "node:child_process";

/**
 * A network namespace joined to this host by a veth pair (host 10.231.n.1, namespace 10.231.n.2),
 * so a test can send requests from a non-loopback address of its own making. Needs root.
 */
export function createNetns(): { name: string; hostAddress: string; run: (command: string, args: string[]) => string; remove: () => void } {
  const n = 1 + Math.floor(Math.random() * 250);
  const name = `albums-t${process.pid % 10000}-${n}`;
  const hostIf = `alb${n}h`;
  const nsIf = `alb${n}n`;
  const ip = (...args: string[]) => execFileSync("ip", args, { stdio: "pipe" });
  ip("netns", "add", name);
  ip("link", "add", hostIf, "type", "veth", "peer", "name", nsIf);
  ip("link", "set", nsIf, "netns", name);
  ip("addr", "add", `10.231.${n}.1/24`, "dev", hostIf);
  ip("link", "set", hostIf, "up");
  ip("netns", "exec", name, "ip", "addr", "add", `10.231.${n}.2/24`, "dev", nsIf);
  ip("netns", "exec", name, "ip", "link", "set", nsIf, "up");
  ip("netns", "exec", name, "ip", "link", "set", "lo", "up");
  return {
    name,
    hostAddress: `10.231.${n}.1`,
    run: (command, args) => execFileSync("ip", ["netns", "exec", name, command, ...args], { stdio: ["ignore", "pipe", "pipe"] }).toString(),
    remove: () => {
      try {
        ip("link", "del", hostIf);
      } catch {
        // already gone with the namespace
      }
      ip("netns", "del", name);
    },
  };
}
