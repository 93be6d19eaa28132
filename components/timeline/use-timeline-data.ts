"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import type { AssetSummary, AssetView } from "../types";
import { dayAt, MONTH_PAGE, monthWindow, type TimelineDay } from "./timeline-layout";

/** One month of a view, newest first, grouped by day (the viewer's fixed offset). */
async function loadMonth(view: AssetView, month: string, tz: number): Promise<{ items: AssetSummary[]; byDay: Map<string, AssetSummary[]> }> {
  const { from, to } = monthWindow(month, tz);
  const items: AssetSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: AssetSummary[]; nextCursor: string | null } = await getJson(`/api/assets${qs({ view, from, to, limit: MONTH_PAGE, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const byDay = new Map<string, AssetSummary[]>();
  for (const item of items) {
    const day = dayAt(item.capturedAt, tz);
    const bucket = byDay.get(day);
    if (bucket) bucket.push(item);
    else byDay.set(day, [item]);
  }
  return { items, byDay };
}

/**
 * The timeline's data: the day counts of the whole view (one request) and the items of the
 * months in view (one cached query per month), grouped by day with the same fixed UTC offset
 * the server used for the counts.
 */
export function useTimelineData(view: AssetView, months: string[]) {
  const [tz] = useState(tzOffset);
  const days = useQuery({ queryKey: ["timeline-days", view, tz], queryFn: () => getJson<{ days: TimelineDay[]; total: number }>(`/api/timeline/days${qs({ view, tz })}`) });
  const loaded = useQueries({ queries: months.map((month) => ({ queryKey: ["timeline-month", view, tz, month], queryFn: () => loadMonth(view, month, tz), staleTime: 60_000 })) });
  const byMonth = new Map(months.map((month, i) => [month, loaded[i]?.data]));
  return {
    days,
    /** The loaded items of a day (undefined while its month loads). */
    itemsOf: (day: string) => byMonth.get(day.slice(0, 7))?.byDay.get(day) ?? (byMonth.get(day.slice(0, 7)) ? [] : undefined),
    /** Every loaded item in timeline order (lightbox and range selection). */
    flat: () => months.flatMap((month) => byMonth.get(month)?.items ?? []),
  };
}
