import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { assetView, viewSql } from "./asset-view";

export const timelineDaysQuery = z.object({
  view: assetView,
  /** The viewer's offset from UTC in minutes (east positive), so days are the viewer's days. */
  tz: z.coerce.number().int().min(-900).max(900).default(0),
});

export type TimelineDay = { day: string; count: number };

/**
 * How many assets each day of a view holds, newest day first: the whole timeline's shape in one
 * small answer (a few thousand rows for 100k photos), so the client can lay out and scrub the
 * entire library before loading any page of it. Served from the (capturedAt) index.
 */
export async function listTimelineDays(db: Db, query: z.infer<typeof timelineDaysQuery>): Promise<{ days: TimelineDay[]; total: number }> {
  const shift = `${query.tz >= 0 ? "+" : ""}${query.tz} minutes`;
  const rows = await db.$queryRawUnsafe<{ day: string; n: bigint | number }[]>(
    `SELECT strftime('%Y-%m-%d', a."capturedAt", ?) AS day, count(*) AS n FROM "Asset" a
     WHERE ${viewSql(query.view)} GROUP BY day ORDER BY day DESC`,
    shift,
  );
  const days = rows.map((r) => ({ day: r.day, count: Number(r.n) }));
  return { days, total: days.reduce((sum, d) => sum + d.count, 0) };
}
