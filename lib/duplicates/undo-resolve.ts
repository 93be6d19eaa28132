import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import type { ResolveUndo } from "./resolve-duplicates";

/**
 * Undoes resolveDuplicates, in one journaled transaction: the trashed copies come back out of the
 * trash, and the kept copy leaves the albums it joined and gets its favourite and description back.
 * Photos purged since are skipped; repeating it changes nothing more.
 */
export async function undoResolve(db: Db, undo: ResolveUndo): Promise<{ restored: number }> {
  return db.$transaction(async (tx) => {
    const restored = await tx.asset.updateMany({ where: { id: { in: undo.trashedIds }, trashedAt: { not: null } }, data: { trashedAt: null } });
    await appendJournal(tx, { op: "asset.update", sha256s: await shasOf(tx, undo.trashedIds), trashed: false });
    const keepSha = await shasOf(tx, [undo.keepId]);
    for (const albumId of undo.addedAlbumIds) {
      await tx.albumAsset.deleteMany({ where: { albumId, assetId: undo.keepId } });
      await appendJournal(tx, { op: "album.remove", id: albumId, sha256s: keepSha });
    }
    await tx.asset.updateMany({ where: { id: undo.keepId }, data: { favorite: undo.favoriteBefore, description: undo.descriptionBefore } });
    await appendJournal(tx, { op: "asset.update", sha256s: keepSha, favorite: undo.favoriteBefore, description: undo.descriptionBefore });
    await markSearchStale(tx, [undo.keepId]);
    return { restored: restored.count };
  });
}
