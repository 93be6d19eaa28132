import { AppError } from "@/lib/errors";
import { mimeForExt } from "@/lib/media/detect-type";
import type { Db } from "@/lib/server/db";
import { readableOriginal } from "@/lib/libraries/read-original";
import type { LibraryPaths } from "@/lib/server/paths";

export type StoredFile = { path: string; size: number; mime: string; etag: string; fileName: string };

/**
 * Locates an asset's original (in custody or an external library: lib/libraries/locate-original.ts;
 * paths from hashes and scanned rows, never from input): 404 when it is gone, 503 when the disk or
 * the library cannot say (EIO, EACCES, offline…).
 */
export async function openOriginal(db: Db, paths: LibraryPaths, id: string): Promise<StoredFile> {
  const asset = await db.asset.findUnique({ where: { id }, select: { id: true, sha256: true, ext: true, originalName: true } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  const file = await readableOriginal(db, paths, asset);
  return { path: file.path, size: file.size, mime: mimeForExt(asset.ext), etag: `"${asset.sha256}"`, fileName: asset.originalName };
}
