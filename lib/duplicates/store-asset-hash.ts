import type { DbTx } from "@/lib/server/db";
import type { PerceptualHash } from "@/lib/media/perceptual-hash";

/** Records a photo's perceptual hash (replacing an older one): safe to repeat. */
export async function storeAssetHash(db: DbTx, assetId: string, hash: PerceptualHash): Promise<void> {
  const row = { phash: hash.hash, turned: hash.turned.join("") };
  await db.assetHash.upsert({ where: { assetId }, create: { assetId, ...row }, update: row });
}
