import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { inBatches, total } from "@/lib/server/in-batches";
import { albumDescription, albumTitle, assetIds } from "./album-dto";

export const createAlbumBody = z.object({ title: albumTitle, description: albumDescription.optional(), assetIds: assetIds.optional() });

/** Creates an album, optionally with its first photos (which become findable by its title). */
export async function createAlbum(db: Db, body: z.infer<typeof createAlbumBody>): Promise<{ id: string }> {
  const id = randomUUID();
  const ids = [...new Set(body.assetIds ?? [])];
  await db.$transaction(async (tx) => {
    if (total(await inBatches(ids, (batch) => tx.asset.count({ where: { id: { in: batch } } }))) !== ids.length) throw new AppError("not_found", "Some of these assets do not exist.");
    await tx.album.create({ data: { id, title: body.title, description: body.description || null } });
    await inBatches(ids, (batch) => tx.albumAsset.createMany({ data: batch.map((assetId) => ({ albumId: id, assetId })) }));
    await markSearchStale(tx, ids);
    await appendJournal(tx, { op: "album.create", id, title: body.title, description: body.description || null, sha256s: await shasOf(tx, ids) });
  });
  return { id };
}
