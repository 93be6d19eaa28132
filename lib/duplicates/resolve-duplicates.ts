import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";

const id = z.string().min(1).max(100);
export const resolveDuplicatesBody = z.object({ keepId: id, trashIds: z.array(id).min(1).max(200) });

/** What undoing a resolve needs: what it trashed and what it changed on the kept photo. */
export const resolveUndo = z.object({
  keepId: id,
  trashedIds: z.array(id).min(1).max(200),
  addedAlbumIds: z.array(id).max(1000),
  favoriteBefore: z.boolean(),
  descriptionBefore: z.string().max(20_000).nullable(),
});
export type ResolveUndo = z.infer<typeof resolveUndo>;

/**
 * Keeps one copy of a picture and moves the others to the trash, in one transaction: the kept copy
 * joins every album the trashed ones were in, becomes a favourite if one of them was, and gains
 * their descriptions (after its own, each once). Every change is journaled. Ids that do not exist
 * or are already in the trash are a 404 and nothing changes. Returns what undoResolve needs.
 */
export async function resolveDuplicates(db: Db, body: z.infer<typeof resolveDuplicatesBody>, now = new Date()): Promise<{ trashed: number; undo: ResolveUndo }> {
  const trashIds = [...new Set(body.trashIds)].filter((t) => t !== body.keepId);
  if (trashIds.length === 0) throw new AppError("bad_request", "Choose at least one copy to trash besides the one kept.");
  return db.$transaction(async (tx) => {
    const rows = await tx.asset.findMany({
      where: { id: { in: [body.keepId, ...trashIds] }, trashedAt: null },
      select: { id: true, sha256: true, favorite: true, description: true, albums: { select: { albumId: true } } },
    });
    const keep = rows.find((r) => r.id === body.keepId);
    const trashed = trashIds.map((t) => rows.find((r) => r.id === t));
    if (!keep || trashed.some((t) => !t)) throw new AppError("not_found", "Some of these photos do not exist or are already in the trash.");
    const copies = trashed.map((t) => t!);

    const keptAlbums = new Set(keep.albums.map((a) => a.albumId));
    const addedAlbumIds = [...new Set(copies.flatMap((c) => c.albums.map((a) => a.albumId)))].filter((a) => !keptAlbums.has(a));
    for (const albumId of addedAlbumIds) {
      await tx.albumAsset.create({ data: { albumId, assetId: keep.id, addedAt: now } });
      await appendJournal(tx, { op: "album.add", id: albumId, sha256s: [keep.sha256] });
    }
    const favorite = !keep.favorite && copies.some((c) => c.favorite) ? true : undefined;
    const descriptions = [...new Set([keep.description, ...copies.map((c) => c.description)].map((d) => d?.trim()).filter((d): d is string => !!d))];
    const description = descriptions.length > 0 && descriptions.join("\n\n") !== keep.description ? descriptions.join("\n\n") : undefined;
    if (favorite !== undefined || description !== undefined) {
      await tx.asset.update({ where: { id: keep.id }, data: { favorite, description } });
      await appendJournal(tx, { op: "asset.update", sha256s: [keep.sha256], favorite, description });
    }
    await tx.asset.updateMany({ where: { id: { in: trashIds } }, data: { trashedAt: now } });
    await appendJournal(tx, { op: "asset.update", sha256s: copies.map((c) => c.sha256), trashed: true });
    if (addedAlbumIds.length > 0 || description !== undefined) await markSearchStale(tx, [keep.id]);
    return { trashed: trashIds.length, undo: { keepId: keep.id, trashedIds: trashIds, addedAlbumIds, favoriteBefore: keep.favorite, descriptionBefore: keep.description } };
  });
}
