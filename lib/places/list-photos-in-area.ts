import { z } from "zod";
import { loadAssetSummaries } from "@/lib/assets/load-asset-summaries";
import type { AssetSummary } from "@/lib/assets/asset-dto";
import { readConnection } from "@/lib/server/db";

export const areaQuery = z.object({
  south: z.coerce.number().min(-90).max(90),
  west: z.coerce.number().min(-180).max(180),
  north: z.coerce.number().min(-90).max(90),
  east: z.coerce.number().min(-180).max(180),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AreaQuery = z.infer<typeof areaQuery>;

/**
 * The photos and videos taken inside a latitude/longitude box (edges included), newest first,
 * with how many there are in all: what the Places map shows for the area in view or a tapped
 * cluster. A box whose west edge is east of its east edge crosses the antimeridian.
 */
export function listPhotosInArea(databasePath: string, area: AreaQuery): { total: number; items: AssetSummary[] } {
  const crosses = area.west > area.east;
  const where = `"latitude" BETWEEN ? AND ? AND ${crosses ? `("longitude" >= ? OR "longitude" <= ?)` : `"longitude" BETWEEN ? AND ?`}
    AND "trashedAt" IS NULL AND "archived" = 0 AND "kind" != 'document'`;
  const args = [area.south, area.north, area.west, area.east];
  const db = readConnection(databasePath);
  const { n } = db.prepare(`SELECT count(*) AS n FROM "Asset" WHERE ${where}`).get(...args) as { n: number };
  const ids = (db.prepare(`SELECT "id" FROM "Asset" WHERE ${where} ORDER BY "capturedAt" DESC, "id" DESC LIMIT ?`).all(...args, area.limit) as { id: string }[]).map((r) => r.id);
  const summaries = loadAssetSummaries(databasePath, ids);
  return { total: n, items: ids.flatMap((id) => summaries.get(id) ?? []) };
}
