import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { ZipAsset } from "@/lib/zip/asset-zip";
import { selectionZipAssets } from "@/lib/zip/zip-assets";

/** The photos of a recorded selection download, in order; 404 when it is unknown or over a day old. */
export async function selectionDownloadAssets(db: Db, id: string, now = new Date()): Promise<ZipAsset[]> {
  const row = await db.selectionDownload.findUnique({ where: { id } });
  if (!row || row.expiresAt <= now) throw new AppError("not_found", "This download has expired (they last a day); download the selection again.");
  return selectionZipAssets(db, JSON.parse(row.assetIds) as string[]);
}
