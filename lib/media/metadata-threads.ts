import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createLogger } from "@/lib/server/logger";
import type { Segments } from "./read-metadata-segments";

/**
 * Limits of one metadata read in its thread. A file that exceeds them is read without metadata:
 * the upload still succeeds, its capture time then comes from the name or the upload.
 */
export const METADATA_THREAD_LIMITS = { timeMs: 5_000, heapMb: 256, threads: 2, idleMs: 30_000, startMs: 30_000 };

const log = createLogger("metadata");

type Thread = { worker: Worker; ready: Promise<boolean>; idle?: NodeJS.Timeout };
type Task = { filePath: string; resolve: (segments: Segments | null) => void };

// A path, not `new URL(…, import.meta.url)`, which the Next bundler would copy out as an asset.
const THREAD_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "metadata-thread.ts");
const free: Thread[] = [];
const waiting: Task[] = [];
let threads = 0;

/**
 * Reads a file's metadata segments (readMetadataSegments) in a worker thread, off the caller's
 * event loop, under a time and heap limit: a hostile file costs its thread, never the server.
 * Resolves null when the file has no readable metadata or broke a limit.
 */
export function readSegmentsInThread(filePath: string): Promise<Segments | null> {
  return new Promise((resolve) => {
    waiting.push({ filePath, resolve });
    dispatch();
  });
}

function dispatch(): void {
  while (waiting.length > 0) {
    const thread = free.pop() ?? (threads < METADATA_THREAD_LIMITS.threads ? spawn() : undefined);
    if (!thread) return;
    clearTimeout(thread.idle);
    void run(thread, waiting.shift()!);
  }
}

async function run(thread: Thread, task: Task): Promise<void> {
  const { worker } = thread;
  worker.ref();
  // The time limit starts once the thread has loaded (tsx and exifr take a moment on a busy box).
  if (!(await thread.ready)) {
    log.error("a metadata thread did not start; this photo is stored without its metadata");
    retire(thread);
    task.resolve(null);
    return dispatch();
  }
  const finish = (segments: Segments | null, healthy: boolean) => {
    clearTimeout(timer);
    worker.off("message", onMessage).off("error", onError).off("exit", onError);
    task.resolve(segments);
    if (healthy) {
      worker.unref();
      thread.idle = setTimeout(() => retire(thread), METADATA_THREAD_LIMITS.idleMs).unref();
      free.push(thread);
    } else {
      retire(thread);
    }
    dispatch();
  };
  const onMessage = (reply: { segments?: Segments }) => finish(reply.segments ?? null, true);
  const onError = () => finish(null, false);
  const timer = setTimeout(() => finish(null, false), METADATA_THREAD_LIMITS.timeMs);
  worker.on("message", onMessage).on("error", onError).on("exit", onError);
  worker.postMessage(task.filePath);
}

function retire(thread: Thread): void {
  const index = free.indexOf(thread);
  if (index >= 0) free.splice(index, 1);
  threads -= 1;
  void thread.worker.terminate();
}

function spawn(): Thread {
  threads += 1;
  // The thread runs TypeScript, so tsx is registered in it first (Node 20 threads do not inherit
  // --import), through its ESM API: the file its "./esm/api" export names for `import`.
  const tsx = path.join(path.dirname(createRequire(THREAD_FILE).resolve("tsx/package.json")), "dist/esm/api/index.mjs");
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(THREAD_FILE).href)}); })`;
  const worker = new Worker(boot, { eval: true, resourceLimits: { maxOldGenerationSizeMb: METADATA_THREAD_LIMITS.heapMb } });
  worker.unref();
  const ready = new Promise<boolean>((resolve) => {
    const stuck = setTimeout(() => resolve(false), METADATA_THREAD_LIMITS.startMs).unref();
    const settle = (started: boolean) => {
      clearTimeout(stuck);
      resolve(started);
    };
    worker.once("message", () => settle(true)).once("error", () => settle(false)).once("exit", () => settle(false));
  });
  return { worker, ready };
}
