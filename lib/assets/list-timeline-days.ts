import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { assetView, viewSql } from "./asset-view";

export const timelineDaysQuery = z.object({
  view: assetView,
  /** The viewer's offset from UTC in minutes (east positive), so days are the viewer's days. */
  tz: z.coerce.number().int().min(-900).max(900).default(0),
});

/** One day of a view: how many items, and each item's width/height ratio in timeline order (1 when unknown). */
export type TimelineDay = { day: string; count: number; aspects: number[] };

/**
 * Each day of a view with its items' aspect ratios, newest day first, items in the timeline's
 * order (capture time, then id, descending — the order of `GET /api/assets`): the whole
 * timeline's shape in one small answer, so the client can lay out justified rows and scrub the
 * entire library before loading any page of it. Served from the (capturedAt) index.
 */
export async function listTimelineDays(db: Db, query: z.infer<typeof timelineDaysQuery>): Promise<{ days: TimelineDay[]; total: number }> {
  const shift = `${query.tz >= 0 ? "+" : ""}${query.tz} minutes`;
  const rows = await db.$queryRawUnsafe<{ day: string; r: number }[]>(
    `SELECT strftime('%Y-%m-%d', a."capturedAt", ?) AS day,
       CASE WHEN a."width" > 0 AND a."height" > 0 THEN round(CAST(a."width" AS REAL) / a."height", 2) ELSE 1 END AS r
     FROM "Asset" a WHERE ${viewSql(query.view)} ORDER BY a."capturedAt" DESC, a."id" DESC`,
    shift,
  );
  const days: TimelineDay[] = [];
  for (const { day, r } of rows) {
    const last = days.at(-1);
    if (last?.day === day) {
      last.count++;
      last.aspects.push(Number(r));
    } else days.push({ day, count: 1, aspects: [Number(r)] });
  }
  return { days, total: rows.length };
}
