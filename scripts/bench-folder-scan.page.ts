// The page half of `npm run bench:folder-scan` (bundled by esbuild into a blank page): the folder
// backup's own modules against an Origin Private File System folder, beside a bare read.
import { openFolderStore } from "@/lib/folder-backup/folder-store";
import type { DirectoryEntry } from "@/lib/folder-backup/folder-types";
import { scanFolders } from "@/lib/folder-backup/scan-folders";
import { walkFolder } from "@/lib/folder-backup/walk-folder";
import { openQueueStore } from "@/lib/upload-queue/queue-store";

const folder = async () => (await (await navigator.storage.getDirectory()).getDirectoryHandle("bench", { create: true })) as unknown as DirectoryEntry & FileSystemDirectoryHandle;
/** The box, answering that it has none of the files (so every one is queued, the first scan's worst case). */
const emptyBox = (async () => Response.json({ present: [] })) as typeof fetch;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

const bench = {
  /** Writes `count` distinct photos: the given ones in turn, each with its own 8-byte tail. */
  async fill(photos: string[], count: number): Promise<number> {
    const dir = await folder();
    const decoded = photos.map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const source = decoded[i % decoded.length]!;
      const data = new Uint8Array(source.length + 8);
      data.set(source);
      new DataView(data.buffer).setFloat64(source.length, i);
      const writable = await (await dir.getFileHandle(`IMG_${String(i).padStart(5, "0")}.jpg`, { create: true })).createWritable();
      await writable.write(data);
      await writable.close();
      bytes += data.length;
    }
    return bytes;
  },
  /** Baselines: list the folder and read every file's bytes, and optionally digest them (WebCrypto), nothing else. */
  async bareRead(digest: boolean) {
    return timed(async () => {
      let files = 0;
      for await (const { entry } of walkFolder(await folder())) {
        const bytes = await (await entry.getFile()).arrayBuffer();
        if (digest) await crypto.subtle.digest("SHA-256", bytes);
        files++;
      }
      return files;
    });
  },
  /** The folder backup's scan: first (hash all, check, queue) or again (metadata only). */
  async scan() {
    const [folders, queue] = await Promise.all([openFolderStore(), openQueueStore()]);
    if ((await folders.listFolders()).length === 0) {
      const handle = await folder();
      await folders.putFolder({ id: "bench", name: "bench", handle, addedAt: Date.now(), lastScanAt: null, seen: 0, queued: 0, skipped: 0, permission: "granted", lastError: null });
    }
    const run = await timed(() => scanFolders({ folders, queue, origin: location.origin, fetch: emptyBox }));
    folders.close();
    queue.close();
    return { ms: run.ms, result: run.result?.get("bench") ?? null };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
