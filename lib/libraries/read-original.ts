import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { locateOriginal, type LocatableAsset } from "./locate-original";

/**
 * The readable file of an asset's original (locateOriginal), or the AppError a request answers:
 * 404 when it is gone, 503 when a disk or an external library cannot be read right now.
 */
export async function readableOriginal(db: Db, paths: LibraryPaths, asset: LocatableAsset & { originalName: string }): Promise<{ path: string; size: number }> {
  const located = await locateOriginal(db, paths, asset);
  switch (located.state) {
    case "present":
      return { path: located.path, size: located.size };
    case "offline":
      throw new AppError("unavailable", `${asset.originalName} lives in an external library that is offline right now; it is not lost.`);
    case "unavailable":
      throw new AppError("unavailable", `The original of ${asset.originalName} cannot be read right now (${located.code}: a disk or mount problem); it is not lost.`);
    case "absent":
      throw new AppError("not_found", `The original of ${asset.originalName} is missing from disk; restore it from a backup.`);
  }
}
