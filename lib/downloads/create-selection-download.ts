import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { selectionZipAssets } from "@/lib/zip/zip-assets";

/** How long a selection download's address answers. */
export const SELECTION_DOWNLOAD_MS = 24 * 3600_000;

/**
 * Records a selection (photos in the given order) under a random id, so its ZIP has a GET address
 * (`url`) a browser can fetch with Range and resume after a dropped connection; the address answers
 * for a day. Refuses up front (404) when one of them does not exist or is in the trash. Expired
 * records are removed here, so they never pile up.
 */
export async function createSelectionDownload(db: Db, ids: string[], now = new Date()): Promise<{ id: string; url: string; expiresAt: string }> {
  const assets = await selectionZipAssets(db, ids);
  const id = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + SELECTION_DOWNLOAD_MS);
  await db.$transaction([
    db.selectionDownload.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.selectionDownload.create({ data: { id, assetIds: JSON.stringify(assets.map((a) => a.id)), expiresAt } }),
  ]);
  return { id, url: `/api/downloads/${id}`, expiresAt: expiresAt.toISOString() };
}
