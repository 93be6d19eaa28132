import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import readline from "node:readline";
import { LIFELINE_ENV, LIFELINE_FD } from "@/lib/boot/exit-with-parent";
import type { Logger } from "./logger";

// glibc gives every thread its own malloc arena; with libvips and onnxruntime threads that
// fragments native memory (the worker held ~140 MiB more after enriching 21 photos without this).
// glibc also raises its mmap threshold (up to 32 MiB) each time a large block is freed, after
// which decoded images and tensors land in the heap and stay resident once freed: a fixed 1 MiB
// threshold maps them separately and unmaps them on free (the worker held ~150 MiB less after
// the same 21 photos, at the same speed); a lower one costs page faults on every large buffer.
// The owner's own settings win.
const CHILD_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: String(2 ** 20), MALLOC_TRIM_THRESHOLD_: String(32 * 2 ** 20) };
// Each child gets a pipe on fd 3 that it only watches: the kernel closes it when this process
// dies, even by kill -9, and the child stops (lib/boot/exit-with-parent.ts).
const LIFELINE = { [LIFELINE_ENV]: String(LIFELINE_FD) };

/**
 * `watchdog`: the child gets an IPC channel and may ask to be watched by sending
 * `{ alive: true, stallMs }` (lib/server/report-alive.ts); once it has, a child silent for
 * `stallMs` (its event loop stuck) is killed with SIGKILL and restarted like a crashed one.
 */
export type ChildSpec = { name: string; command: string; args: string[]; restart: boolean; watchdog?: boolean };

/** Called when a restartable child crashed, with how many times it crashed in the last 10 minutes. */
export type OnCrash = (name: string, crashesIn10Min: number) => void;

export type SuperviseHooks = {
  onCrash?: OnCrash;
  /** Each output line of a child (besides the console), e.g. for the log file. */
  onLine?: (name: string, line: string) => void;
};

export type Supervisor = { stop: (signal?: NodeJS.Signals) => Promise<void>; stopped: Promise<void> };

/** How long stop() waits after SIGTERM before SIGKILL (the systemd unit's stop timeout exceeds it). */
export const STOP_GRACE_MS = 10_000;

/**
 * Runs child processes, prefixing their output lines with their name, restarting crashed ones
 * (backoff 1 s doubling to 30 s, reset after a minute of uptime) and stopping all of them
 * together: SIGTERM, then SIGKILL after `graceMs`.
 */
export function supervise(specs: ChildSpec[], log: Logger, graceMs = STOP_GRACE_MS, hooks: SuperviseHooks = {}): Supervisor {
  const children = new Map<string, ChildProcess>();
  const crashes = new Map<string, number[]>();
  let stopping = false;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));

  const launch = (spec: ChildSpec, delayMs: number) => {
    const startedAt = Date.now();
    // fd 3: the lifeline; a watched child's IPC channel is its fd 4.
    const child = spawn(spec.command, spec.args, { stdio: ["ignore", "pipe", "pipe", "pipe", ...(spec.watchdog ? (["ipc"] as const) : [])], env: { ...CHILD_ENV, ...process.env, ...LIFELINE } });
    children.set(spec.name, child);
    if (spec.watchdog) watch(spec.name, child, log);
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        process.stderr.write(`${spec.name.padEnd(6)} | ${line}\n`);
        hooks.onLine?.(spec.name, line);
      });
    }
    child.on("exit", (code, signal) => {
      children.delete(spec.name);
      if (stopping) {
        if (children.size === 0) resolveStopped();
        return;
      }
      const uptime = Date.now() - startedAt;
      const next = uptime > 60_000 ? 1_000 : Math.min(30_000, delayMs * 2);
      if (!spec.restart) {
        log.error(`${spec.name} exited (${signal ?? code}); stopping`);
        void stop();
        return;
      }
      log.warn(`${spec.name} exited (${signal ?? code}); restarting in ${next / 1000}s`);
      const recent = [...(crashes.get(spec.name) ?? []).filter((at) => Date.now() - at < 600_000), Date.now()];
      crashes.set(spec.name, recent);
      hooks.onCrash?.(spec.name, recent.length);
      setTimeout(() => !stopping && launch(spec, next), next);
    });
  };

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) return stopped;
    stopping = true;
    if (children.size === 0) resolveStopped();
    for (const child of children.values()) child.kill(signal);
    const killer = setTimeout(() => {
      for (const child of children.values()) child.kill("SIGKILL");
    }, graceMs);
    await stopped;
    clearTimeout(killer);
  };

  for (const spec of specs) launch(spec, 500);
  return { stop, stopped };
}

function watch(name: string, child: ChildProcess, log: Logger): void {
  let timer: NodeJS.Timeout | undefined;
  child.on("message", (message: { alive?: boolean; stallMs?: number }) => {
    if (!message?.alive || !message.stallMs) return;
    clearTimeout(timer);
    const stallMs = message.stallMs;
    timer = setTimeout(() => {
      log.error(`${name} stalled (no sign of life for ${stallMs / 1000}s); killing it`);
      child.kill("SIGKILL");
    }, stallMs);
  });
  child.once("exit", () => clearTimeout(timer));
}

/**
 * Runs one command to its end, sharing this process's stdin/stdout/stderr (and a lifeline, like
 * supervised children). `exited` resolves to its
 * exit code, or 128 + the signal's number when a signal ended it (as a shell reports it).
 */
export function runToExit(spec: Pick<ChildSpec, "command" | "args">): { kill: (signal: NodeJS.Signals) => void; exited: Promise<number> } {
  const child = spawn(spec.command, spec.args, { stdio: ["inherit", "inherit", "inherit", "pipe"], env: { ...process.env, ...LIFELINE } });
  const exited = new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
  return { kill: (signal) => child.kill(signal), exited };
}
