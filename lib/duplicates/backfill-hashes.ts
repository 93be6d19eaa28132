import sharp from "sharp";
import { perceptualHash } from "@/lib/media/perceptual-hash";
import type { Db } from "@/lib/server/db";
import { resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { storeAssetHash } from "./store-asset-hash";

const BATCH = 200;

/**
 * Hashes the photos that have a thumbnail but no perceptual hash yet (a library from before hashes,
 * or one restored from a backup), from their md thumbnail: the thumbnail job hashes new photos the
 * same way. Re-runnable: a photo hashed before is skipped, an unreadable thumbnail is counted and
 * left for the thumbnail job. Returns how many were hashed and how many could not be read.
 */
export async function backfillHashes(db: Db, paths: LibraryPaths, onProgress: (done: number) => void = () => {}): Promise<{ hashed: number; unreadable: number }> {
  let hashed = 0;
  let unreadable = 0;
  let after = "";
  for (;;) {
    const batch = await db.derivative.findMany({
      where: { kind: "thumb-md", assetId: { gt: after }, asset: { kind: "photo", hash: null } },
      orderBy: { assetId: "asc" },
      take: BATCH,
      select: { assetId: true, relPath: true },
    });
    if (batch.length === 0) return { hashed, unreadable };
    for (const { assetId, relPath } of batch) {
      try {
        await storeAssetHash(db, assetId, await perceptualHash(sharp(resolveUnder(paths.derived, relPath))));
        hashed++;
      } catch {
        unreadable++;
      }
    }
    after = batch.at(-1)!.assetId;
    onProgress(hashed + unreadable);
  }
}
