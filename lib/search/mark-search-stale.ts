import type { DbTx } from "@/lib/server/db";
import { inBatches } from "@/lib/server/in-batches";

/**
 * Records that these assets' searchable text changed (names, OCR, caption, place, album, people,
 * description): the worker folds them into the next text-index segment. Call it in the same
 * transaction as the change, so the index can never miss one.
 */
export async function markSearchStale(db: DbTx, assetIds: string[]): Promise<void> {
  await inBatches(assetIds, (batch) => db.searchChange.createMany({ data: batch.map((assetId) => ({ assetId })) }));
}
