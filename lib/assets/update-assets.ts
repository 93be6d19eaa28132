import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appendJournal, shasOf } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { inBatches, total } from "@/lib/server/in-batches";

export const updateAssetsBody = z
  .object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(5000),
    favorite: z.boolean().optional(),
    archived: z.boolean().optional(),
    /** true moves to the trash (purged after the configured days), false restores. */
    trashed: z.boolean().optional(),
    description: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((b) => b.favorite !== undefined || b.archived !== undefined || b.trashed !== undefined || b.description !== undefined, "give at least one change");

export type UpdateAssetsBody = z.infer<typeof updateAssetsBody>;

/**
 * Favorites/unfavorites, archives/unarchives, trashes/restores, or describes many assets at once.
 * Unknown ids are a 404 and nothing changes. A new description is searchable text, so those assets
 * are marked stale for the text index in the same transaction. Returns how many were updated, and
 * `changed`: the ids whose favorite, archived or trashed state this really flipped — what an Undo
 * flips back (archiving a selection that held an archived photo must not unarchive it on Undo).
 */
export async function updateAssets(db: Db, body: UpdateAssetsBody, now = new Date()): Promise<{ updated: number; changed: string[] }> {
  const ids = [...new Set(body.ids)];
  return db.$transaction(async (tx) => {
    if (total(await inBatches(ids, (batch) => tx.asset.count({ where: { id: { in: batch } } }))) !== ids.length) throw new AppError("not_found", "Some of these assets do not exist.");
    const data = {
      ...(body.favorite !== undefined ? { favorite: body.favorite } : {}),
      ...(body.archived !== undefined ? { archived: body.archived } : {}),
      ...(body.trashed !== undefined ? { trashedAt: body.trashed ? now : null } : {}),
      ...(body.description !== undefined ? { description: body.description || null } : {}),
    };
    const differs = [
      ...(body.favorite !== undefined ? [{ favorite: !body.favorite }] : []),
      ...(body.archived !== undefined ? [{ archived: !body.archived }] : []),
      ...(body.trashed !== undefined ? [{ trashedAt: body.trashed ? null : { not: null } }] : []),
    ];
    const changed = differs.length === 0 ? [] : (await inBatches(ids, (batch) => tx.asset.findMany({ where: { id: { in: batch }, OR: differs }, select: { id: true } }))).flat().map((a) => a.id);
    const count = total(await inBatches(ids, (batch) => tx.asset.updateMany({ where: { id: { in: batch } }, data })));
    if (body.description !== undefined) await markSearchStale(tx, ids);
    await appendJournal(tx, { op: "asset.update", sha256s: await shasOf(tx, ids), favorite: body.favorite, archived: body.archived, trashed: body.trashed, description: body.description === undefined ? undefined : body.description || null });
    return { updated: count, changed };
  });
}
