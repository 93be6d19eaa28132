import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { inBatches, total } from "@/lib/server/in-batches";
import { assetIds } from "./album-dto";

export const albumAssetsBody = z.object({ assetIds });

/** Adds photos to an album (ones already in it are left as they are); returns how many were new. */
export async function addAlbumAssets(db: Db, albumId: string, ids: string[]): Promise<{ added: number }> {
  const unique = [...new Set(ids)];
  return db.$transaction(async (tx) => {
    if (!(await tx.album.findUnique({ where: { id: albumId }, select: { id: true } }))) throw new AppError("not_found", "No such album.");
    if (total(await inBatches(unique, (batch) => tx.asset.count({ where: { id: { in: batch } } }))) !== unique.length) throw new AppError("not_found", "Some of these assets do not exist.");
    const present = new Set((await inBatches(unique, (batch) => tx.albumAsset.findMany({ where: { albumId, assetId: { in: batch } }, select: { assetId: true } }))).flat().map((m) => m.assetId));
    const fresh = unique.filter((id) => !present.has(id));
    await inBatches(fresh, (batch) => tx.albumAsset.createMany({ data: batch.map((assetId) => ({ albumId, assetId })) }));
    await tx.album.update({ where: { id: albumId }, data: { updatedAt: new Date() } });
    await markSearchStale(tx, fresh);
    await appendJournal(tx, { op: "album.add", id: albumId, sha256s: await shasOf(tx, fresh) });
    return { added: fresh.length };
  });
}
