/** What a browser needs to send one Takeout part (a fetch bound to the box). */
export type PartUploadDeps = { fetch: typeof fetch; onProgress: (sent: number) => void; storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> };

const CHUNK = 8 * 1024 * 1024;
const TRIES = 5;

/**
 * Uploads one Takeout part (.zip/.tgz) from the browser through the resumable upload API and
 * keeps it on the box as an import part; returns its path for POST /api/imports. The upload's id
 * is remembered per file (name, size, date), so sending the same file again after a reload or a
 * cut connection carries on from the box's durable offset instead of starting over.
 */
export async function uploadTakeoutPart(file: File, deps: PartUploadDeps): Promise<string> {
  const key = `albums-takeout-part:${file.name}:${file.size}:${file.lastModified}`;
  const storage = deps.storage ?? localStorage;
  let id = storage.getItem(key);
  let offset = id ? await durableOffset(deps, id) : null;
  if (offset === null) {
    const created = await deps.fetch("/api/uploads", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: file.name, size: file.size, source: "upload" }) });
    if (!created.ok) throw new Error(await messageOf(created));
    id = ((await created.json()) as { id: string }).id;
    storage.setItem(key, id);
    offset = 0;
  }
  let failures = 0;
  while (offset < file.size) {
    deps.onProgress(offset);
    try {
      const response: Response = await deps.fetch(`/api/uploads/${id}`, { method: "PATCH", headers: { "upload-offset": String(offset), "content-type": "application/offset+octet-stream" }, body: file.slice(offset, offset + CHUNK) });
      if (response.status !== 204 && response.status !== 409) throw new Error(await messageOf(response));
      await response.body?.cancel().catch(() => {});
      offset = Number(response.headers.get("upload-offset"));
      failures = 0;
    } catch (error) {
      if (++failures >= TRIES) throw error;
      await new Promise((r) => setTimeout(r, 500 * 2 ** failures));
      offset = (await durableOffset(deps, id!).catch(() => null)) ?? offset;
    }
  }
  deps.onProgress(file.size);
  const kept = await deps.fetch("/api/imports/parts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ uploadId: id }) });
  if (!kept.ok) throw new Error(await messageOf(kept));
  storage.removeItem(key);
  return ((await kept.json()) as { path: string }).path;
}

/** The box's durable offset of an upload, or null when it no longer knows it. */
async function durableOffset(deps: PartUploadDeps, id: string): Promise<number | null> {
  const response = await deps.fetch(`/api/uploads/${id}`, { method: "HEAD", cache: "no-store" });
  return response.ok ? Number(response.headers.get("upload-offset")) : null;
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The box answered ${response.status}.`;
}
