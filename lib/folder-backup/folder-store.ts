// The folder-backup IndexedDB adapter (page and service worker): picked folders with their handles,
// and what each scan learnt about each file. Writes are "strict" transactions, announced on a
// BroadcastChannel so open screens re-read.
import type { FileRecord, FolderRecord } from "./folder-types";

const DB_NAME = "albums-folder-backup";
export const FOLDER_CHANNEL = "albums-folder-backup";
/** The Periodic Background Sync tag under which the service worker scans the picked folders. */
export const FOLDER_SCAN_TAG = "albums-folder-scan";

export type FolderStore = {
  listFolders(): Promise<FolderRecord[]>;
  getFolder(id: string): Promise<FolderRecord | null>;
  putFolder(folder: FolderRecord): Promise<void>;
  /** Forgets a folder and its files (nothing on the device or the box is touched). */
  removeFolder(id: string): Promise<void>;
  listFiles(folderId?: string): Promise<FileRecord[]>;
  /** Writes and deletes file records in one transaction. */
  saveFiles(put: FileRecord[], remove: string[]): Promise<void>;
  close(): void;
};

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens (creating on first use) the folder-backup database of this origin. */
export async function openFolderStore(factory: IDBFactory = indexedDB): Promise<FolderStore> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore("folders", { keyPath: "id" });
    open.result.createObjectStore("files", { keyPath: "key" }).createIndex("folderId", "folderId");
  };
  const db = await done(open);
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(FOLDER_CHANNEL) : null;
  const write = async (stores: string[], run: (tx: IDBTransaction) => void) => {
    const tx = db.transaction(stores, "readwrite", { durability: "strict" });
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    });
    run(tx);
    await committed;
    channel?.postMessage("changed");
  };
  return {
    async listFolders() {
      const folders = (await done(db.transaction("folders").objectStore("folders").getAll())) as FolderRecord[];
      return folders.sort((a, b) => a.addedAt - b.addedAt);
    },
    async getFolder(id) {
      return ((await done(db.transaction("folders").objectStore("folders").get(id))) as FolderRecord | undefined) ?? null;
    },
    putFolder: (folder) => write(["folders"], (tx) => tx.objectStore("folders").put(folder)),
    removeFolder: (id) =>
      write(["folders", "files"], (tx) => {
        tx.objectStore("folders").delete(id);
        const files = tx.objectStore("files").index("folderId").openKeyCursor(id);
        files.onsuccess = () => {
          if (!files.result) return;
          tx.objectStore("files").delete(files.result.primaryKey);
          files.result.continue();
        };
      }),
    async listFiles(folderId) {
      const store = db.transaction("files").objectStore("files");
      return (await done(folderId === undefined ? store.getAll() : store.index("folderId").getAll(folderId))) as FileRecord[];
    },
    saveFiles: (put, remove) =>
      write(["files"], (tx) => {
        const files = tx.objectStore("files");
        remove.forEach((key) => files.delete(key));
        put.forEach((record) => files.put(record));
      }),
    close() {
      channel?.close();
      db.close();
    },
  };
}
