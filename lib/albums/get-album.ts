import { toAssetSummary, type AssetSummary } from "@/lib/assets/asset-dto";
import { offlineAssetIds } from "@/lib/libraries/offline-assets";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { AlbumSort } from "./album-dto";

export type AlbumDetail = { id: string; title: string; description: string | null; sort: AlbumSort; coverAssetId: string | null; source: string; items: AssetSummary[] };

/** One album with its photos (not trashed) in the album's sort order: capture time, or when added. */
export async function getAlbum(db: Db, id: string): Promise<AlbumDetail> {
  const album = await db.album.findUnique({
    where: { id },
    include: { assets: { where: { asset: { trashedAt: null } }, include: { asset: { include: { derivatives: { select: { kind: true, etag: true } }, edit: { select: { rotation: true } } } } } } },
  });
  if (!album) throw new AppError("not_found", "No such album.");
  const sort = album.sort as AlbumSort;
  const members = album.assets.sort((a, b) =>
    sort === "added" ? b.addedAt.getTime() - a.addedAt.getTime() : (sort === "oldest" ? 1 : -1) * (a.asset.capturedAt.getTime() - b.asset.capturedAt.getTime()),
  );
  const offline = await offlineAssetIds(db, members.map((m) => m.asset.id));
  return { id: album.id, title: album.title, description: album.description, sort, coverAssetId: album.coverAssetId, source: album.source, items: members.map((m) => toAssetSummary({ ...m.asset, offline: offline.has(m.asset.id) })) };
}
