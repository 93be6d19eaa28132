// An in-memory FileSystemDirectoryHandle for Node tests of the folder backup, plus a fake box
// answering /api/ingest/check, /api/ingest/safe-to-remove and /api/ingest.
import { createHash } from "node:crypto";
import type { FolderStore } from "./folder-store";
import type { DirectoryEntry, FileEntry, FolderRecord } from "./folder-types";

export class FakeFile implements FileEntry {
  readonly kind = "file";
  constructor(public name: string, public bytes: Buffer, public lastModified: number) {}
  async getFile(): Promise<File> {
    return new File([new Uint8Array(this.bytes)], this.name, { lastModified: this.lastModified });
  }
}

export class FakeDir implements DirectoryEntry {
  readonly kind = "directory";
  readonly entries = new Map<string, FakeDir | FakeFile>();
  permission: Record<"read" | "readwrite", PermissionState> = { read: "granted", readwrite: "granted" };
  constructor(public name: string) {}
  async *values() {
    yield* this.entries.values();
  }
  async getDirectoryHandle(name: string) {
    const entry = this.entries.get(name);
    if (!(entry instanceof FakeDir)) throw new DOMException(name, "NotFoundError");
    return entry;
  }
  async getFileHandle(name: string) {
    const entry = this.entries.get(name);
    if (!(entry instanceof FakeFile)) throw new DOMException(name, "NotFoundError");
    return entry;
  }
  async removeEntry(name: string) {
    if (!this.entries.delete(name)) throw new DOMException(name, "NotFoundError");
  }
  async queryPermission({ mode }: { mode: "read" | "readwrite" }) {
    return this.permission[mode];
  }
  put(name: string, bytes: Buffer, lastModified = 1_700_000_000_000): FakeFile {
    const file = new FakeFile(name, bytes, lastModified);
    this.entries.set(name, file);
    return file;
  }
  rename(from: string, to: string): void {
    const file = this.entries.get(from) as FakeFile;
    this.entries.delete(from);
    file.name = to;
    this.entries.set(to, file);
  }
}

export const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The box: which digests it holds, which a verified backup covers (null: no verified backup), the uploads it received. */
export function fakeBox() {
  const box = {
    held: new Set<string>(), backedUp: null as Set<string> | null, uploads: [] as string[],
    fetch: (async (input: URL | RequestInfo, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname === "/api/ingest") {
        const bytes = Buffer.from(await ((init!.body as FormData).get("file") as Blob).arrayBuffer());
        box.uploads.push(sha(bytes));
        box.held.add(sha(bytes));
        return Response.json({ status: "ingested" }, { status: 201 });
      }
      const { sha256 } = JSON.parse(String(init!.body)) as { sha256: string[] };
      const held = sha256.filter((s) => box.held.has(s));
      if (url.pathname === "/api/ingest/check") return Response.json({ present: held });
      const safe = box.backedUp ? held.filter((s) => box.backedUp!.has(s)) : held;
      return Response.json({ mode: box.backedUp ? "verified-backup" : "box-only", safe, waiting: held.length - safe.length, verifiedAt: null, warning: null });
    }) as typeof fetch,
  };
  return box;
}

/**
 * A real (fake-indexeddb) folder store whose records get their live fake handles back on read: a
 * browser stores FileSystemDirectoryHandles as such, while a Node structured clone drops methods.
 */
export function withLiveHandles(store: FolderStore, dirs: FakeDir[]): FolderStore {
  const live = (folder: FolderRecord): FolderRecord => ({ ...folder, handle: dirs.find((d) => d.name === folder.name) ?? folder.handle });
  return {
    ...store,
    listFolders: async () => (await store.listFolders()).map(live),
    getFolder: async (id) => {
      const folder = await store.getFolder(id);
      return folder && live(folder);
    },
  };
}
