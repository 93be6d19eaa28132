import { readConnection } from "@/lib/server/db";

/** One geotagged photo or video: [id, latitude, longitude]. */
export type PhotoPoint = [string, number, number];

/**
 * Where every photo and video with a GPS position was taken (not trashed, not archived), as
 * compact triples for the Places map, which clusters them in the browser.
 */
export function listPhotoPoints(databasePath: string): PhotoPoint[] {
  const rows = readConnection(databasePath)
    .prepare(
      `SELECT "id", "latitude", "longitude" FROM "Asset"
       WHERE "latitude" IS NOT NULL AND "longitude" IS NOT NULL AND "trashedAt" IS NULL AND "archived" = 0 AND "kind" != 'document'`,
    )
    .all() as { id: string; latitude: number; longitude: number }[];
  return rows.map((r) => [r.id, r.latitude, r.longitude]);
}
