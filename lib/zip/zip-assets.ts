import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { ZipAsset } from "./asset-zip";

export const ZIP_ASSET_FIELDS = { id: true, sha256: true, ext: true, mimeType: true, originalName: true, capturedAt: true, motionPhoto: true } as const;

/** An album's photos and videos (not trashed), oldest first, for a ZIP; 404 when there is no such album. */
export async function albumZipAssets(db: Db, albumId: string): Promise<{ title: string; assets: ZipAsset[] }> {
  const album = await db.album.findUnique({ where: { id: albumId }, select: { title: true } });
  if (!album) throw new AppError("not_found", "No such album.");
  const rows = await db.albumAsset.findMany({
    where: { albumId, asset: { trashedAt: null } },
    select: { asset: { select: ZIP_ASSET_FIELDS } },
    orderBy: [{ asset: { capturedAt: "asc" } }, { assetId: "asc" }],
  });
  return { title: album.title, assets: rows.map((r) => r.asset) };
}

/** The given assets (not trashed) in the given order, for a ZIP; 404 when one of them does not exist. */
export async function selectionZipAssets(db: Db, ids: string[]): Promise<ZipAsset[]> {
  const unique = [...new Set(ids)];
  const rows = await db.asset.findMany({ where: { id: { in: unique }, trashedAt: null }, select: ZIP_ASSET_FIELDS });
  if (rows.length !== unique.length) throw new AppError("not_found", "Some of those photos do not exist (or are in the trash).");
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}
