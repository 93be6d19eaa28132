import { classifyStatus } from "./advance-item";
import type { QueueItem } from "./queue-item";
import { networkFailure, outcomeOf, type UploadDeps, type UploadOutcome } from "./upload-outcome";

/** Connection failures in a row (each followed by a resync) before the attempt gives up and backs off. */
const MAX_CUTS_IN_A_ROW = 5;
/**
 * A request with no answer after this long counts as a cut connection (a phone's dropped link can
 * leave a socket that neither answers nor resets). Generous: a chunk at 32 KB/s still fits.
 */
const PATCH_TIMEOUT_MS = 5 * 60_000;
const HEAD_TIMEOUT_MS = 30_000;

class Gone extends Error {}
class Answered extends Error {
  constructor(readonly outcome: UploadOutcome) {
    super(outcome.type);
  }
}

/**
 * Uploads a big file through the resumable API: create (or resume the item's upload) → PATCH
 * chunks at the box's durable offset → finish into the normal ingest. A cut connection resyncs
 * from HEAD, a 409 from the offset it names; an upload the box no longer knows (expired, or
 * finished with the answer lost) starts over, and the box's dedup answers "duplicate" then.
 */
export async function uploadResumable(item: QueueItem & { blob: Blob }, chunkSize: number, deps: UploadDeps): Promise<UploadOutcome> {
  const api = (path: string) => new URL(`/api/uploads${path}`, deps.origin);
  const send = async (path: string, init: RequestInit, timeoutMs?: number) => {
    const response = await deps.fetch(api(path), { credentials: "same-origin", ...init, ...(timeoutMs && { signal: AbortSignal.timeout(timeoutMs) }) });
    if (response.status === 404) throw new Gone();
    return response;
  };
  const durableOffset = async (id: string) => {
    const response = await send(`/${id}`, { method: "HEAD", cache: "no-store" }, HEAD_TIMEOUT_MS);
    if (!response.ok) throw new Answered(await outcomeOf(response));
    await discard(response);
    return Number(response.headers.get("upload-offset"));
  };
  let id = item.uploadId;
  let cuts = 0;
  try {
    let offset = id ? await durableOffset(id) : 0;
    if (!id) {
      const body = { name: item.name, size: item.size, source: item.source, ...(item.sha256 && { sha256: item.sha256 }), ...(item.capturedAt && { capturedAt: item.capturedAt }) };
      const created = await send("", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!created.ok) return await outcomeOf(created);
      id = ((await created.json()) as { id: string }).id;
      await deps.onProgress(id, 0);
    }
    while (offset < item.size) {
      try {
        const end = Math.min(offset + chunkSize, item.size);
        const response = await send(`/${id}`, { method: "PATCH", headers: { "upload-offset": String(offset), "content-type": "application/offset+octet-stream" }, body: item.blob.slice(offset, end) }, deps.requestTimeoutMs ?? PATCH_TIMEOUT_MS);
        if (response.status === 204 || response.status === 409) {
          await discard(response);
          const sent = offset;
          offset = Number(response.headers.get("upload-offset") ?? (await durableOffset(id)));
          if (response.status === 204) cuts = 0;
          await deps.onProgress(id, offset);
          // A 409 naming the offset just sent: the box is still writing the cut request's bytes.
          if (response.status === 409 && offset === sent) throw new Error("the box is still appending the previous request");
          continue;
        }
        if (classifyStatus(response.status) === "permanent") return await outcomeOf(response);
        throw new Error(`the box answered ${response.status}`);
      } catch (error) {
        if (error instanceof Gone || error instanceof Answered || ++cuts > MAX_CUTS_IN_A_ROW) throw error;
        await (deps.sleep ?? wait)(Math.min(500 * 2 ** cuts, 8_000));
        offset = await durableOffset(id).catch(() => offset);
      }
    }
    return await outcomeOf(await send(`/${id}/finish`, { method: "POST" }));
  } catch (error) {
    if (error instanceof Answered) return error.outcome;
    if (error instanceof Gone) return { type: "transient", status: 404, message: "The box no longer has this upload; starting it again.", resetUpload: true };
    return networkFailure(error);
  }
}

/**
 * Releases an answer's body that is not read: an unread body (a 409 sent before the upload was
 * read, a proxy that never finishes it) would otherwise keep the browser's connection busy, and a
 * few of those exhaust its per-host connections so the next request waits forever.
 */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {});
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
