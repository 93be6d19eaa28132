import { spawn } from "node:child_process";
import fs from "node:fs";

/** The limits one child runs under: V8 heap, resident memory (checked twice a second) and time. */
export type ChildLimits = { heapMb: number; rssMb: number; timeMs: number };

/** A child passed one of its limits and was killed: the input is at fault, retrying will not help. */
export class ChildLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChildLimitError";
  }
}

/**
 * Runs `node <args>` with a V8 heap limit, killed (SIGKILL) once its resident memory or its run
 * time passes the limits, and resolves to its stdout. Throws ChildLimitError for a limit, Error
 * for any other non-zero exit (with the end of its stderr).
 */
export function runBoundedChild(args: string[], limits: ChildLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    let verdict: string | null = null;
    const kill = (why: string) => {
      verdict ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`took longer than ${limits.timeMs / 1000} s`), limits.timeMs);
    const watch = setInterval(() => {
      const rssKb = residentKb(child.pid);
      if (rssKb > limits.rssMb * 1024) kill(`used more than ${limits.rssMb} MiB of memory`);
    }, 500);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (verdict) return reject(new ChildLimitError(verdict));
      // V8 aborts a child past its heap limit ("JavaScript heap out of memory").
      if (/heap out of memory|Allocation failed/i.test(stderr)) return reject(new ChildLimitError(`used more than ${limits.heapMb} MiB of heap`));
      if (code !== 0) return reject(new Error(`exited with ${signal ?? code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
      resolve(Buffer.concat(stdout));
    });
  });
}

/** Resident memory of a process in KiB (0 once it is gone). */
export function residentKb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
