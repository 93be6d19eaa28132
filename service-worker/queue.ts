import { openFolderStore, type FolderStore } from "@/lib/folder-backup/folder-store";
import { folderFileReader } from "@/lib/folder-backup/read-folder-file";
import { scanFolders } from "@/lib/folder-backup/scan-folders";
import { openQueueStore, type QueueStore, SYNC_TAG } from "@/lib/upload-queue/queue-store";
import { createQueueRunner, type QueueRunner } from "@/lib/upload-queue/run-queue";
import type { DrainSummary } from "@/lib/upload-queue/drain-queue";
import { sw } from "./scope";

type WorkerQueue = { store: QueueStore; folders: FolderStore; runner: QueueRunner };
let opened: Promise<WorkerQueue> | null = null;

/** The queue and folder stores and the queue's runner, opened on first use and kept for the worker's life. */
export function workerQueue(): Promise<WorkerQueue> {
  opened ??= Promise.all([openQueueStore(), openFolderStore()]).then(([store, folders]) => ({
    store, folders,
    runner: createQueueRunner({ store, origin: sw.location.origin, fetch: (input, init) => fetch(input, init), readFolderFile: folderFileReader(folders) }),
  }));
  return opened;
}

/** Drains the queue from the worker (a page or worker already draining is waited for). */
export async function kickQueue(): Promise<DrainSummary> {
  return (await workerQueue()).runner.kick();
}

/** A wake-up: scans the picked folders whose permission is still granted (new photos join the queue), then drains. */
export async function scanAndKick(): Promise<DrainSummary> {
  const { store, folders } = await workerQueue();
  await scanFolders({ folders, queue: store, origin: sw.location.origin, fetch: (input, init) => fetch(input, init) }).catch(() => null);
  return kickQueue();
}

/** Asks the browser for a Background Sync wake-up once the network is back. */
export async function requestSync(): Promise<void> {
  await sw.registration.sync?.register(SYNC_TAG).catch(() => {});
}
