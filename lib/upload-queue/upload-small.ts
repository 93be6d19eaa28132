import type { QueueItem } from "./queue-item";
import { networkFailure, outcomeOf, type UploadDeps, type UploadOutcome } from "./upload-outcome";

/** Sends a whole file in one multipart POST /api/ingest, declaring its SHA-256 and capture time. */
export async function uploadSmall(item: QueueItem & { blob: Blob }, deps: UploadDeps): Promise<UploadOutcome> {
  const form = new FormData();
  form.set("source", item.source);
  if (item.sha256) form.set("sha256", item.sha256);
  if (item.capturedAt) form.set("capturedAt", item.capturedAt);
  form.set("file", item.blob, item.name);
  try {
    return await outcomeOf(await deps.fetch(new URL("/api/ingest", deps.origin), { method: "POST", body: form, credentials: "same-origin" }));
  } catch (error) {
    return networkFailure(error);
  }
}
