// The queue's IndexedDB adapter, used by the upload screen and the service worker alike. Every
// write is its own "strict" transaction (flushed before it completes) and then announced on a
// BroadcastChannel, so every open screen re-reads the queue.
import type { QueueItem } from "./queue-item";

const DB_NAME = "albums-upload-queue";
const STORE = "items";
export const QUEUE_CHANNEL = "albums-upload-queue";
/** The Background Sync tag the page registers and the service worker answers. */
export const SYNC_TAG = "albums-upload-queue";

export type QueueStore = {
  add(items: QueueItem[]): Promise<void>;
  list(): Promise<QueueItem[]>;
  get(id: string): Promise<QueueItem | null>;
  /** Read-modify-write in one transaction; `change` returning null leaves the record as is. The stored result (null when the record is gone). */
  update(id: string, change: (item: QueueItem) => QueueItem | null): Promise<QueueItem | null>;
  remove(id: string): Promise<void>;
  close(): void;
};

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/** Opens (creating on first use) the queue database of this origin. */
export async function openQueueStore(factory: IDBFactory = indexedDB): Promise<QueueStore> {
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "id" });
  const db = await done(open);
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(QUEUE_CHANNEL) : null;
  const write = async (run: (store: IDBObjectStore) => void) => {
    const tx = db.transaction(STORE, "readwrite", { durability: "strict" });
    run(tx.objectStore(STORE));
    await committed(tx);
    channel?.postMessage("changed");
  };
  return {
    add: (items) => write((store) => items.forEach((item) => store.add(item))),
    async list() {
      const items = (await done(db.transaction(STORE).objectStore(STORE).getAll())) as QueueItem[];
      return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async get(id) {
      return ((await done(db.transaction(STORE).objectStore(STORE).get(id))) as QueueItem | undefined) ?? null;
    },
    async update(id, change) {
      let result: QueueItem | null = null;
      await write((store) => {
        const read = store.get(id);
        read.onsuccess = () => {
          const current = read.result as QueueItem | undefined;
          if (!current) return;
          const next = change(current);
          result = next ?? current;
          if (next && next !== current) store.put(next);
        };
      });
      return result;
    },
    remove: (id) => write((store) => store.delete(id)),
    close() {
      channel?.close();
      db.close();
    },
  };
}
