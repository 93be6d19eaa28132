// Folder backup's records and the slice of the File System Access API it uses, typed structurally so
// the same modules run in the page, the service worker and Node tests (fake directories).

export type FileEntry = { kind: "file"; name: string; getFile(): Promise<File> };
export type Access = { mode: "read" | "readwrite" };
export type DirectoryEntry = {
  kind: "directory";
  name: string;
  values(): AsyncIterable<FileEntry | DirectoryEntry>;
  getDirectoryHandle(name: string): Promise<DirectoryEntry>;
  getFileHandle(name: string): Promise<FileEntry>;
  removeEntry(name: string): Promise<void>;
  /** Absent where the browser has no permission model for the handle (then it counts as granted). */
  queryPermission?(access: Access): Promise<PermissionState>;
  requestPermission?(access: Access): Promise<PermissionState>;
};

/** A folder the owner picked once; its handle survives in IndexedDB, the counters are from the last scan. */
export type FolderRecord = {
  id: string;
  name: string;
  handle: DirectoryEntry;
  addedAt: number;
  lastScanAt: number | null;
  /** Media files seen by the last scan, queued for upload (ever), skipped because the box had them. */
  seen: number;
  queued: number;
  skipped: number;
  /** Read permission at the last look: "prompt" or "denied" means the owner must grant it again. */
  permission: PermissionState;
  lastError: string | null;
};

/**
 * What a scan knows about one file of a folder, so the next scan re-hashes only new or changed
 * files: queued (in the upload queue), present (the box had it), known (same bytes as another
 * file already handled, e.g. a renamed one).
 */
export type FileRecord = {
  key: string;
  folderId: string;
  path: string;
  size: number;
  lastModified: number;
  sha256: string;
  status: "queued" | "present" | "known";
  queueItemId: string | null;
};

export const fileKey = (folderId: string, path: string) => `${folderId}/${path}`;

/** Reads a folder only once its permission is granted (a missing permission model counts as granted). */
export async function readPermission(handle: DirectoryEntry, mode: Access["mode"] = "read"): Promise<PermissionState> {
  return handle.queryPermission ? handle.queryPermission({ mode }) : "granted";
}
