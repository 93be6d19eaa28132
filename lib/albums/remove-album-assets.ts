import { AppError } from "@/lib/errors";
import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { inBatches, total } from "@/lib/server/in-batches";

/** Takes photos out of an album (the photos stay in the library); a removed cover falls back to automatic. */
export async function removeAlbumAssets(db: Db, albumId: string, ids: string[]): Promise<{ removed: number }> {
  return db.$transaction(async (tx) => {
    const album = await tx.album.findUnique({ where: { id: albumId }, select: { coverAssetId: true } });
    if (!album) throw new AppError("not_found", "No such album.");
    const count = total(await inBatches(ids, (batch) => tx.albumAsset.deleteMany({ where: { albumId, assetId: { in: batch } } })));
    const coverGone = album.coverAssetId !== null && ids.includes(album.coverAssetId);
    await tx.album.update({ where: { id: albumId }, data: { updatedAt: new Date(), ...(coverGone ? { coverAssetId: null } : {}) } });
    await markSearchStale(tx, ids);
    await appendJournal(tx, { op: "album.remove", id: albumId, sha256s: await shasOf(tx, ids) });
    return { removed: count };
  });
}
