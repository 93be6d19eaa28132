import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { DerivativeLookup } from "@/lib/assets/open-derivative";
import { derivativeResponse } from "./derivative-response";
import { sendBytes } from "./send-bytes";

const IMMUTABLE = "private, max-age=31536000, immutable";

/**
 * A thumbnail as its URL names it. `version` (the `v` the page was given: the start of the
 * thumbnail's content hash and the turn, lib/assets/asset-dto.ts) says which picture the URL
 * stands for. A re-render replaces the file before its row, so the bytes read now may be another
 * version: they are read whole (thumbnails are small) and hashed, and only bytes that are the
 * named version may be kept for good; others are sent uncached, so no browser keeps a turned
 * picture under the URL of the unturned one. A URL without a version names no bytes: it is
 * revalidated on each use (its ETag makes that a 304), so a turn shows there too.
 */
export async function thumbnailResponse(request: Request, lookup: DerivativeLookup, version: string | null): Promise<Response> {
  if (lookup.state !== "ready") return derivativeResponse(request, lookup);
  const bytes = await fs.readFile(lookup.file.path);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const named = version?.slice(0, 12) ?? "";
  const cacheControl = version === null ? "no-cache" : named.length === 12 && hash.startsWith(named) ? IMMUTABLE : "no-store";
  return sendBytes(request, { size: bytes.length, etag: `"${hash.slice(0, 32)}"`, headers: { "Content-Type": lookup.file.mime, "Cache-Control": cacheControl } }, async function* (start, end) {
    yield bytes.subarray(start, end + 1);
  });
}
