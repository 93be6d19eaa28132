import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { DerivativeLookup } from "@/lib/assets/open-derivative";
import { derivativeResponse } from "./derivative-response";
import { sendBytes } from "./send-bytes";

const IMMUTABLE = "private, max-age=31536000, immutable";

/**
 * A thumbnail as its URL names it. `version` (the `v` the page was given: the start of the
 * thumbnail's content hash, lib/assets/asset-dto.ts) or, without one, the stored row's ETag says
 * which picture the URL stands for. A re-render replaces the file before its row, so the bytes
 * read now may be another version: they are read whole (thumbnails are small) and hashed, and
 * only bytes that are the named version may be kept for good; others are sent uncached, so no
 * browser keeps a turned picture under the URL of the unturned one.
 */
export async function thumbnailResponse(request: Request, lookup: DerivativeLookup, version: string | null): Promise<Response> {
  if (lookup.state !== "ready") return derivativeResponse(request, lookup);
  const bytes = await fs.readFile(lookup.file.path);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const named = (version ?? lookup.file.etag.replaceAll('"', "")).slice(0, 12);
  const headers = { "Content-Type": lookup.file.mime, "Cache-Control": named.length === 12 && hash.startsWith(named) ? IMMUTABLE : "no-store" };
  return sendBytes(request, { size: bytes.length, etag: `"${hash.slice(0, 32)}"`, headers }, async function* (start, end) {
    yield bytes.subarray(start, end + 1);
  });
}
