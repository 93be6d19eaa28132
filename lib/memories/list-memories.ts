import { z } from "zod";
import { toAssetSummary, type AssetSummary } from "@/lib/assets/asset-dto";
import { offlineAssetIds } from "@/lib/libraries/offline-assets";
import { viewSql } from "@/lib/assets/asset-view";
import type { Db } from "@/lib/server/db";

export const memoriesQuery = z.object({
  /** The day to remember (the viewer's today by default). */
  date: z.iso.date().optional(),
  /** Days either side of it that still count. */
  around: z.coerce.number().int().min(0).max(15).default(3),
  tz: z.coerce.number().int().min(-900).max(900).default(0),
});

export type Memory = { year: number; yearsAgo: number; items: AssetSummary[] };

const PER_YEAR = 60;

/**
 * "On this day": timeline photos and videos taken on the same calendar day (± `around` days) in
 * earlier years, one group per year, newest year first, each group in capture order.
 */
export async function listMemories(db: Db, query: z.infer<typeof memoriesQuery>, now = new Date()): Promise<{ date: string; memories: Memory[] }> {
  const date = query.date ?? new Date(now.getTime() + query.tz * 60_000).toISOString().slice(0, 10);
  const year = Number(date.slice(0, 4));
  const monthDays = Array.from({ length: 2 * query.around + 1 }, (_, i) => new Date(Date.parse(`${date}T12:00:00Z`) + (i - query.around) * 86_400_000).toISOString().slice(5, 10));
  const shift = `${query.tz >= 0 ? "+" : ""}${query.tz} minutes`;
  const rows = await db.$queryRawUnsafe<{ id: string; y: string }[]>(
    `SELECT a."id", strftime('%Y', a."capturedAt", ?) AS y FROM "Asset" a
     WHERE ${viewSql("timeline")} AND strftime('%m-%d', a."capturedAt", ?) IN (${monthDays.map(() => "?").join(",")}) AND CAST(strftime('%Y', a."capturedAt", ?) AS INTEGER) < ?
     ORDER BY a."capturedAt" ASC`,
    shift, shift, ...monthDays, shift, year,
  );
  const byYear = new Map<number, string[]>();
  for (const row of rows) {
    const ids = byYear.get(Number(row.y)) ?? [];
    if (ids.length < PER_YEAR) ids.push(row.id);
    byYear.set(Number(row.y), ids);
  }
  const assets = await db.asset.findMany({ where: { id: { in: [...byYear.values()].flat() } }, include: { derivatives: { select: { kind: true, etag: true } }, edit: { select: { rotation: true } } } });
  const offline = await offlineAssetIds(db, assets.map((a) => a.id));
  const byId = new Map(assets.map((a) => [a.id, toAssetSummary({ ...a, offline: offline.has(a.id) })]));
  const memories = [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, ids]) => ({ year: y, yearsAgo: year - y, items: ids.map((id) => byId.get(id)!).filter(Boolean) }));
  return { date, memories };
}
