import { enqueueJob } from "@/lib/queue/enqueue";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { DbTx } from "@/lib/server/db";
import { TILES_DERIVATIVE } from "./image-tiles";

/** An owner's edit as the journal records it: each part absent (unchanged), a value, or null (back to the original's). */
export type AssetEditChange = {
  rotation?: number;
  capture?: { at: string; timeZone: string } | null;
  location?: { latitude: number; longitude: number } | null;
};

/** The capture source of a time the owner set. */
export const OWNER_CAPTURE_SOURCE = "owner";

/**
 * Applies an edit to one asset, idempotently (the live operation and the journal's replay both call
 * it): the Asset's own columns take the edited values, and the AssetEdit row keeps the original's
 * values the first time a part is edited, which a revert (null) puts back. A turn by an odd
 * quarter swaps the stored width and height (the timeline lays photos out by them) and re-renders
 * the thumbnails; a new position re-names the place. Unknown assets are skipped.
 */
export async function applyAssetEdit(tx: DbTx, assetId: string, change: AssetEditChange): Promise<void> {
  const asset = await tx.asset.findUnique({ where: { id: assetId }, select: { id: true, width: true, height: true, capturedAt: true, capturedAtSource: true, timeZone: true, latitude: true, longitude: true, edit: true } });
  if (!asset) return;
  const edit = asset.edit ?? (await tx.assetEdit.create({ data: { assetId } }));
  if (change.rotation !== undefined && change.rotation !== edit.rotation) {
    const swap = (change.rotation - edit.rotation) % 180 !== 0;
    await tx.assetEdit.update({ where: { assetId }, data: { rotation: change.rotation } });
    if (swap) await tx.asset.update({ where: { id: assetId }, data: { width: asset.height, height: asset.width } });
    // The full-size rendition (or the tiles) are made again, turned, on the next zoom.
    await tx.derivative.deleteMany({ where: { assetId, kind: { in: [FULL_DERIVATIVE, TILES_DERIVATIVE] } } });
    await enqueueJob(tx, { kind: "thumbnail", assetId });
  }
  if (change.capture !== undefined) {
    if (change.capture) {
      const keep = edit.capturedAt ? {} : { wasCapturedAt: asset.capturedAt, wasCaptureSource: asset.capturedAtSource, wasTimeZone: asset.timeZone };
      await tx.assetEdit.update({ where: { assetId }, data: { capturedAt: new Date(change.capture.at), timeZone: change.capture.timeZone, ...keep } });
      await tx.asset.update({ where: { id: assetId }, data: { capturedAt: new Date(change.capture.at), timeZone: change.capture.timeZone, capturedAtSource: OWNER_CAPTURE_SOURCE } });
    } else if (edit.capturedAt && edit.wasCapturedAt) {
      await tx.asset.update({ where: { id: assetId }, data: { capturedAt: edit.wasCapturedAt, timeZone: edit.wasTimeZone, capturedAtSource: edit.wasCaptureSource ?? "upload" } });
      await tx.assetEdit.update({ where: { assetId }, data: { capturedAt: null, timeZone: null, wasCapturedAt: null, wasCaptureSource: null, wasTimeZone: null } });
    }
  }
  if (change.location !== undefined) {
    const edited = edit.latitude !== null && edit.longitude !== null;
    if (change.location) {
      const keep = edited ? {} : { wasLatitude: asset.latitude, wasLongitude: asset.longitude };
      await tx.assetEdit.update({ where: { assetId }, data: { ...change.location, ...keep } });
      await tx.asset.update({ where: { id: assetId }, data: change.location });
    } else if (edited) {
      await tx.asset.update({ where: { id: assetId }, data: { latitude: edit.wasLatitude, longitude: edit.wasLongitude } });
      await tx.assetEdit.update({ where: { assetId }, data: { latitude: null, longitude: null, wasLatitude: null, wasLongitude: null } });
    }
    await enqueueJob(tx, { kind: "places", assetId });
  }
  await markSearchStale(tx, [assetId]);
}

/** The derivative kind of a photo's full-size rendition (made on first zoom, lib/assets/open-full-image.ts). */
export const FULL_DERIVATIVE = "full";
