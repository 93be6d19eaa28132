import { ApiError } from "../api";

/** A file to upload and where it goes under the target folder ("Taxes/2024/forms.pdf"). */
export type PickedFile = { file: File; path: string };

/** Files up to this size go in one request; bigger ones through the resumable `/api/uploads`. */
export const SMALL_FILE_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRIES = 5;

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? "http_error", body?.error?.message ?? `The box answered ${res.status}.`);
  return body as T;
}

/**
 * Uploads one file into `folderId` (null = the root) at its relative path: a small file as the
 * body of `POST /api/files/upload`, a big one in chunks through the resumable upload (each chunk
 * retried from the box's durable offset after a cut) and then filed with `POST /api/files/place`.
 * Resolves once the box has the bytes durably and the file is in its folder.
 */
export async function uploadToFolder(item: PickedFile, folderId: string | null, onProgress: (sent: number) => void): Promise<void> {
  const folder = folderId ?? "root";
  if (item.file.size <= SMALL_FILE_BYTES) {
    const query = new URLSearchParams({ folder, path: item.path });
    await answer(await fetch(`/api/files/upload?${query}`, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/octet-stream" }, body: item.file }));
    onProgress(item.file.size);
    return;
  }
  const created = await answer<{ id: string }>(
    await fetch("/api/uploads", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: item.file.name, size: item.file.size, source: "files" }) }),
  );
  let offset = 0;
  let failures = 0;
  while (offset < item.file.size) {
    try {
      const res = await fetch(`/api/uploads/${created.id}`, {
        method: "PATCH", credentials: "same-origin",
        headers: { "upload-offset": String(offset), "content-type": "application/offset+octet-stream" },
        body: item.file.slice(offset, Math.min(offset + CHUNK_BYTES, item.file.size)),
      });
      if (res.status !== 204 && res.status !== 409) await answer(res);
      await res.body?.cancel().catch(() => {});
      offset = Number(res.headers.get("upload-offset") ?? offset);
      failures = 0;
      onProgress(offset);
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) throw error;
      if (++failures > RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** failures));
      const head = await fetch(`/api/uploads/${created.id}`, { method: "HEAD", credentials: "same-origin", cache: "no-store" }).catch(() => null);
      if (head?.ok) offset = Number(head.headers.get("upload-offset") ?? offset);
    }
  }
  const stored = await answer<{ assetId: string }>(await fetch(`/api/uploads/${created.id}/finish`, { method: "POST", credentials: "same-origin" }));
  await answer(await fetch("/api/files/place", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ assetId: stored.assetId, folderId: folder, path: item.path }) }));
}

/** The files of an `<input type=file>` (with `webkitdirectory`, their paths inside the picked folder). */
export function pickedFiles(list: FileList): PickedFile[] {
  return [...list].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Files and folders dropped on the screen, folders walked to their files (paths kept). */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...transfer.files].map((file) => ({ file, path: file.name }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: `${prefix}${entry.name}` });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  for (const entry of entries) await walk(entry, "");
  return out;
}
