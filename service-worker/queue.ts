import { openQueueStore, type QueueStore, SYNC_TAG } from "@/lib/upload-queue/queue-store";
import { createQueueRunner, type QueueRunner } from "@/lib/upload-queue/run-queue";
import type { DrainSummary } from "@/lib/upload-queue/drain-queue";
import { sw } from "./scope";

let opened: Promise<{ store: QueueStore; runner: QueueRunner }> | null = null;

/** The queue store and its runner, opened on first use and kept for the worker's life. */
export function workerQueue(): Promise<{ store: QueueStore; runner: QueueRunner }> {
  opened ??= openQueueStore().then((store) => ({ store, runner: createQueueRunner({ store, origin: sw.location.origin, fetch: (input, init) => fetch(input, init) }) }));
  return opened;
}

/** Drains the queue from the worker (a page or worker already draining is waited for). */
export async function kickQueue(): Promise<DrainSummary> {
  return (await workerQueue()).runner.kick();
}

/** Asks the browser for a Background Sync wake-up once the network is back. */
export async function requestSync(): Promise<void> {
  await sw.registration.sync?.register(SYNC_TAG).catch(() => {});
}
