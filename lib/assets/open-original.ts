import { AppError } from "@/lib/errors";
import { mimeForExt } from "@/lib/media/detect-type";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { probeRegularFile } from "@/lib/server/stat-regular-file";

export type StoredFile = { path: string; size: number; mime: string; etag: string; fileName: string };

/**
 * Locates an asset's original on disk (path derived from its hash, never from input): 404 when it
 * is gone, 503 when the disk cannot say (EIO, EACCES…).
 */
export async function openOriginal(db: Db, paths: LibraryPaths, id: string): Promise<StoredFile> {
  const asset = await db.asset.findUnique({ where: { id }, select: { sha256: true, ext: true, originalName: true } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  const file = originalPath(paths, asset.sha256, asset.ext);
  const probe = await probeRegularFile(file, paths.originals);
  if (probe.state === "unavailable") throw new AppError("unavailable", `The original cannot be read right now (${probe.code}: a disk or mount problem); it is not lost.`);
  if (probe.state === "absent") throw new AppError("not_found", "The original file is missing from disk; restore it from a backup.");
  return { path: file, size: probe.size, mime: mimeForExt(asset.ext), etag: `"${asset.sha256}"`, fileName: asset.originalName };
}
