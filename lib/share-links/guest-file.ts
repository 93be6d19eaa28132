import { AppError } from "@/lib/errors";
import { contentDisposition, parseRange } from "@/lib/http/send-file";
import { planBlanking } from "@/lib/metadata-strip/plan-blanking";
import { readPatched } from "@/lib/metadata-strip/patches";
import { Readable } from "node:stream";
import { locateOriginal } from "@/lib/libraries/locate-original";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import type { GuestAsset } from "./share-link-assets";

/**
 * One original as a guest receives it: private metadata blanked in place unless the link shows
 * metadata (same size as the original, so byte ranges, video seeking and resumes work), inline
 * or as an attachment.
 */
export async function guestFileResponse(request: Request, db: Db, paths: LibraryPaths, asset: GuestAsset, options: { showMetadata: boolean; attachment: boolean }): Promise<Response> {
  const probe = await locateOriginal(db, paths, asset);
  if (probe.state !== "present") throw new AppError(probe.state === "absent" ? "not_found" : "unavailable", "This file cannot be read right now.");
  const file = probe.path;
  const patches = options.showMetadata ? [] : await planBlanking(file, asset.mimeType);
  const etag = `"${asset.sha256.slice(0, 32)}-${options.showMetadata ? "m" : "g"}"`;
  const headers = new Headers({
    "Content-Type": asset.mimeType,
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(options.attachment ? "attachment" : "inline", asset.originalName),
  });
  const range = parseRange(request.headers.get("range"), probe.size, request.headers.get("if-range"), etag);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${probe.size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: probe.size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${probe.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || probe.size === 0) return new Response(null, { status, headers });
  return new Response(Readable.toWeb(Readable.from(readPatched(file, patches, start, end))) as ReadableStream<Uint8Array>, { status, headers });
}
