import { hashBlob } from "@/lib/upload-queue/hash-blob";
import { newQueueItem, type QueueItem } from "@/lib/upload-queue/queue-item";
import type { QueueStore } from "@/lib/upload-queue/queue-store";
import { presentOnBox } from "@/lib/upload-queue/present-on-box";
import type { FolderStore } from "./folder-store";
import { fileKey, type FileRecord, type FolderRecord } from "./folder-types";
import { decideCandidate, planScan, type ListedFile } from "./plan-scan";
import { walkFolder } from "./walk-folder";

export type ScanDeps = {
  folders: FolderStore;
  queue: QueueStore;
  origin: string;
  fetch: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** Gives the page (or worker) a turn between files, so a long scan never blocks scrolling. */
  pause?: () => Promise<void>;
  onProgress?: (progress: { folderId: string; hashed: number; candidates: number }) => void;
};

export type ScanResult = { seen: number; candidates: number; queued: number; skipped: number; known: number };

const CHECK_BATCH = 5_000;
/** scheduler.yield() where the browser has it (no 4 ms timer clamp per file), a macrotask elsewhere. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Scans one picked folder (its read permission already granted): lists photos and videos with
 * their size and lastModified, hashes (SHA-256) only new or changed ones, asks the box which it
 * already has, and puts the rest into the durable upload queue as references to the folder (read
 * again at upload time, big videos through the resumable path) with their own capture time. Bytes
 * already handled under another name are not queued again. Queue first, records second: a scan cut
 * in between re-hashes, and the box's dedup absorbs a second upload.
 */
export async function scanFolder(folder: FolderRecord, deps: ScanDeps): Promise<ScanResult> {
  const now = deps.now ?? Date.now;
  const pause = deps.pause ?? yieldToPage;
  const listed: (ListedFile & { file: File })[] = [];
  for await (const { path, entry } of walkFolder(folder.handle)) {
    const file = await entry.getFile();
    listed.push({ path, size: file.size, lastModified: file.lastModified, file });
  }
  const allRecords = await deps.folders.listFiles();
  const { candidates, vanished } = planScan(allRecords.filter((r) => r.folderId === folder.id), listed);

  const hashed: { file: (typeof listed)[number]; sha256: string }[] = [];
  for (const file of candidates) {
    hashed.push({ file, sha256: await hashBlob(file.file) });
    deps.onProgress?.({ folderId: folder.id, hashed: hashed.length, candidates: candidates.length });
    await pause();
  }
  const onBox = new Set<string>();
  const fresh = hashed.map((h) => h.sha256);
  for (let i = 0; i < fresh.length; i += CHECK_BATCH) for (const sha of await presentOnBox(deps, fresh.slice(i, i + CHECK_BATCH))) onBox.add(sha);

  const handled = new Map(allRecords.map((r) => [r.sha256, r]));
  const records: FileRecord[] = [];
  const items: QueueItem[] = [];
  for (const { file, sha256 } of hashed) {
    const decision = decideCandidate(sha256, handled, onBox);
    // A renamed file keeps the upload of its bytes (the folder's "uploaded" count stays right).
    const record: FileRecord = { key: fileKey(folder.id, file.path), folderId: folder.id, path: file.path, size: file.size, lastModified: file.lastModified, sha256, status: decision === "queue" ? "queued" : decision, queueItemId: handled.get(sha256)?.queueItemId ?? null };
    handled.set(sha256, record);
    if (decision === "queue") {
      const item = { ...newQueueItem(file.file, "upload", now(), deps.newId?.() ?? crypto.randomUUID()), blob: null, sha256, folderFile: { folderId: folder.id, path: file.path, size: file.size, lastModified: file.lastModified } };
      items.push(item);
      record.queueItemId = item.id;
    }
    records.push(record);
  }
  if (items.length) await deps.queue.add(items);
  await deps.folders.saveFiles(records, vanished.map((r) => r.key));
  const count = (status: FileRecord["status"]) => records.filter((r) => r.status === status).length;
  const result = { seen: listed.length, candidates: candidates.length, queued: items.length, skipped: count("present"), known: count("known") };
  const latest = (await deps.folders.getFolder(folder.id)) ?? folder;
  await deps.folders.putFolder({ ...latest, lastScanAt: now(), seen: result.seen, queued: latest.queued + result.queued, skipped: latest.skipped + result.skipped, permission: "granted", lastError: null });
  return result;
}
