import { AppError } from "@/lib/errors";
import { sendBytes } from "@/lib/http/send-bytes";
import { contentDisposition } from "@/lib/http/send-file";
import { cachedGuestCopy } from "@/lib/metadata-strip/cached-guest-copy";
import { readPatched } from "@/lib/metadata-strip/patches";
import { locateOriginal } from "@/lib/libraries/locate-original";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import type { GuestAsset } from "./share-link-assets";

/**
 * One original as a guest receives it: private metadata blanked in place unless the link shows
 * metadata (same size as the original, so byte ranges, video seeking and resumes work; a Motion
 * Photo without its appended video, a shorter entity with its own ETag), inline or as an attachment.
 */
export async function guestFileResponse(request: Request, db: Db, paths: LibraryPaths, asset: GuestAsset, options: { showMetadata: boolean; attachment: boolean }): Promise<Response> {
  const probe = await locateOriginal(db, paths, asset);
  if (probe.state !== "present") throw new AppError(probe.state === "absent" ? "not_found" : "unavailable", "This file cannot be read right now.");
  const file = probe.path;
  const copy = options.showMetadata ? { patches: [], size: probe.size } : await cachedGuestCopy(db, asset, file, probe.size); // a video being seeked asks again and again
  const etag = `"${asset.sha256.slice(0, 32)}-${options.showMetadata ? "m" : "g"}${copy.size === probe.size ? "" : `-${copy.size}`}"`;
  const headers = {
    "Content-Type": asset.mimeType,
    "Cache-Control": "private, no-cache",
    "Content-Disposition": contentDisposition(options.attachment ? "attachment" : "inline", asset.originalName),
  };
  return sendBytes(request, { size: copy.size, etag, headers }, (start, end) => readPatched(file, copy.patches, start, end));
}
