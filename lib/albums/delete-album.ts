import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";

/** Deletes an album; its photos stay in the library and stop matching its title. */
export async function deleteAlbum(db: Db, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const members = await tx.albumAsset.findMany({ where: { albumId: id }, select: { assetId: true } });
    const { count } = await tx.album.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("not_found", "No such album.");
    await markSearchStale(tx, members.map((m) => m.assetId));
    await appendJournal(tx, { op: "album.delete", id });
  });
}
