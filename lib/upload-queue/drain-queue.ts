import { advanceItem, type QueueEvent } from "./advance-item";
import { hashBlob } from "./hash-blob";
import { CHUNK_SIZE, RESUMABLE_THRESHOLD, type FolderFileRef, type QueueItem } from "./queue-item";
import type { QueueStore } from "./queue-store";
import { presentOnBox } from "./present-on-box";
import { uploadResumable } from "./upload-resumable";
import { uploadSmall } from "./upload-small";
import type { UploadDeps, UploadOutcome } from "./upload-outcome";

export type DrainDeps = Pick<UploadDeps, "origin" | "fetch" | "sleep"> & {
  store: QueueStore;
  now?: () => number;
  resumableThreshold?: number;
  chunkSize?: number;
  /** Opens a folder-backup file at upload time (see FolderFileUnavailable); without it such items wait. */
  readFolderFile?: (ref: FolderFileRef) => Promise<Blob>;
};

/** A folder file that cannot be read now: `retry` when it may come back (permission lapsed), not when it is gone or changed. */
export class FolderFileUnavailable extends Error {
  constructor(message: string, readonly retry: boolean) {
    super(message);
  }
}

/** After a drain: how many items wait for a retry, and when the earliest is due (null: none). */
export type DrainSummary = { waiting: number; nextAttemptAt: number | null };

/**
 * One pass over the queue until nothing is due: items left "uploading" by a killed run go back to
 * pending, missing hashes are computed, files the box already has (/api/ingest/check) are marked
 * done without uploading, the rest are uploaded one at a time (resumable above the threshold);
 * a folder-backup item's bytes are read from its folder only then (readFolderFile).
 * Each outcome goes through advanceItem, so only a 2xx marks a file done. Callers serialise
 * drains (one per origin, see runQueue); an item removed meanwhile is simply skipped.
 */
export async function drainQueue(deps: DrainDeps): Promise<DrainSummary> {
  const now = deps.now ?? Date.now;
  const apply = (id: string, event: QueueEvent) => deps.store.update(id, (item) => advanceItem(item, event, now()));
  for (const item of await deps.store.list()) if (item.state === "uploading") await apply(item.id, { type: "interrupted" });

  for (;;) {
    const due = (await deps.store.list()).filter((item) => item.state === "pending" && item.nextAttemptAt <= now() && readable(item, deps));
    if (due.length === 0) break;
    for (const item of due) if (!item.sha256 && item.blob) await hashItem(item, apply);
    const hashed = await Promise.all(due.map((item) => deps.store.get(item.id)));
    const present = await presentOnBox(deps, hashed.flatMap((item) => (item?.sha256 ? [item.sha256] : [])));
    for (const { id } of due) {
      const current = await deps.store.get(id);
      if (!current || !readable(current, deps) || current.state !== "pending") continue;
      if (current.sha256 && present.has(current.sha256)) {
        await apply(id, { type: "succeeded", result: "present" });
        continue;
      }
      const started = await apply(id, { type: "start" });
      if (started?.state !== "uploading") continue;
      const blob = started.blob ?? (await openFolderFile(started.folderFile!, deps));
      const outcome = blob instanceof Blob ? await uploadOne({ ...started, blob }, deps, (uploadId, offset) => apply(id, { type: "progress", uploadId, offset }).then(() => {})) : blob;
      await apply(id, outcome);
    }
  }
  const waiting = (await deps.store.list()).filter((item) => item.state === "pending");
  return { waiting: waiting.length, nextAttemptAt: waiting.length ? Math.min(...waiting.map((item) => item.nextAttemptAt)) : null };
}

function readable(item: QueueItem, deps: DrainDeps): boolean {
  return item.blob !== null || (item.folderFile !== undefined && deps.readFolderFile !== undefined);
}

/** A folder file's bytes, or the queue event for why they cannot be read (a lapsed permission is retried later). */
async function openFolderFile(ref: FolderFileRef, deps: DrainDeps): Promise<Blob | UploadOutcome> {
  try {
    return await deps.readFolderFile!(ref);
  } catch (error) {
    const message = (error as Error).message;
    return error instanceof FolderFileUnavailable && error.retry ? { type: "transient", status: null, message } : { type: "rejected", status: 0, message };
  }
}

/** Hashes an item on the device; a file the device can no longer read fails for good. */
async function hashItem(item: QueueItem, apply: (id: string, event: QueueEvent) => Promise<unknown>): Promise<void> {
  try {
    await apply(item.id, { type: "hashed", sha256: await hashBlob(item.blob!) });
  } catch (error) {
    await apply(item.id, { type: "start" });
    await apply(item.id, { type: "rejected", status: 0, message: `This device cannot read the file any more: ${(error as Error).message}` });
  }
}

function uploadOne(item: QueueItem & { blob: Blob }, deps: DrainDeps, onProgress: UploadDeps["onProgress"]) {
  const upload = { origin: deps.origin, fetch: deps.fetch, sleep: deps.sleep, onProgress };
  return item.size > (deps.resumableThreshold ?? RESUMABLE_THRESHOLD) ? uploadResumable(item, deps.chunkSize ?? CHUNK_SIZE, upload) : uploadSmall(item, upload);
}
