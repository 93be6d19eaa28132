import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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
  return runBounded(process.execPath, [`--max-old-space-size=${limits.heapMb}`, ...args], limits);
}

/**
 * Runs `command <args>`, killed (SIGKILL) once its resident memory or its run time passes the
 * limits, and resolves to its stdout. Throws ChildLimitError for a limit (or a V8 heap abort when
 * `heapMb` is given), the spawn error (ENOENT: not installed), or Error for any other non-zero exit.
 */
export function runBounded(command: string, args: string[], limits: { heapMb?: number; rssMb: number; timeMs: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    let verdict: string | null = null;
    const kill = (why: string) => {
      verdict ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`took longer than ${limits.timeMs / 1000} s`), limits.timeMs);
    const watch = setInterval(() => {
      if (residentKb(child.pid) > limits.rssMb * 1024) kill(`used more than ${limits.rssMb} MiB of memory`);
    }, 250);
    const stop = () => {
      clearTimeout(timer);
      clearInterval(watch);
    };
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.once("error", (error) => {
      stop();
      reject(error);
    });
    child.once("close", (code, signal) => {
      stop();
      if (verdict) return reject(new ChildLimitError(verdict));
      // V8 aborts a child past its heap limit ("JavaScript heap out of memory").
      if (limits.heapMb !== undefined && /heap out of memory|Allocation failed/i.test(stderr)) return reject(new ChildLimitError(`used more than ${limits.heapMb} MiB of heap`));
      if (code !== 0) return reject(new Error(`${path.basename(command)} exited with ${signal ?? code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
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
