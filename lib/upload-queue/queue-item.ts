// The upload queue's record, shared by the app and the service worker (isomorphic: no DOM-only or
// worker-only APIs). One record per file, kept in IndexedDB until the user removes it.

export type QueueState = "pending" | "uploading" | "done" | "failed";
export type QueueSource = "share" | "upload";

/** A file in a folder the owner picked for backup: read from the folder when it is uploaded, not copied into the queue. */
export type FolderFileRef = { folderId: string; path: string; size: number; lastModified: number };

export type QueueItem = {
  id: string;
  /** The file's bytes until the box acknowledged them (2xx); dropped then to free the quota. */
  blob: Blob | null;
  /** Where a folder-backup file lives (its blob stays null); absent for shared and picked files. */
  folderFile?: FolderFileRef;
  name: string;
  size: number;
  type: string;
  /** From the file's lastModified (the box prefers the file's own EXIF time). */
  capturedAt: string | null;
  /** Hex SHA-256 computed on the device before the first upload attempt. */
  sha256: string | null;
  source: QueueSource;
  state: QueueState;
  attempts: number;
  /** The server's message (or the network error) of the last failed attempt. */
  lastError: string | null;
  lastStatus: number | null;
  /** Epoch ms before which a pending item is not retried (backoff). */
  nextAttemptAt: number;
  /** Resumable upload in progress on the box (big files) and its acknowledged offset. */
  uploadId: string | null;
  offset: number;
  result: "ingested" | "duplicate" | "present" | null;
  createdAt: number;
  updatedAt: number;
};

/** Files larger than this go through the resumable chunked upload API. */
export const RESUMABLE_THRESHOLD = 32 * 1024 * 1024;
/** Bytes per PATCH of a resumable upload. */
export const CHUNK_SIZE = 8 * 1024 * 1024;

/** A new pending record for a picked or shared file. */
export function newQueueItem(file: { name: string; size: number; type: string; lastModified?: number } & Blob, source: QueueSource, now: number, id: string): QueueItem {
  return {
    id, blob: file, name: file.name || "unnamed", size: file.size, type: file.type,
    capturedAt: file.lastModified ? new Date(file.lastModified).toISOString() : null,
    sha256: null, source, state: "pending", attempts: 0, lastError: null, lastStatus: null,
    nextAttemptAt: now, uploadId: null, offset: 0, result: null, createdAt: now, updatedAt: now,
  };
}
