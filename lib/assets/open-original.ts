import { AppError } from "@/lib/errors";
import { mimeForExt } from "@/lib/media/detect-type";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { statRegularFile } from "@/lib/server/stat-regular-file";

export type StoredFile = { path: string; size: number; mime: string; etag: string; fileName: string };

/** Locates an asset's original on disk (path derived from its hash, never from input). */
export async function openOriginal(db: Db, paths: LibraryPaths, id: string): Promise<StoredFile> {
  const asset = await db.asset.findUnique({ where: { id }, select: { sha256: true, ext: true, originalName: true } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  const file = originalPath(paths, asset.sha256, asset.ext);
  const size = await statRegularFile(file, paths.originals);
  if (size === null) throw new AppError("not_found", "The original file is missing from disk; restore it from a backup.");
  return { path: file, size, mime: mimeForExt(asset.ext), etag: `"${asset.sha256}"`, fileName: asset.originalName };
}
