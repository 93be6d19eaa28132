"use client";
import { useQueries, useQuery, type QueryObserverResult } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
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

type Month = Awaited<ReturnType<typeof loadMonth>>;

// Module-level, so React Query keeps the combined array while no month's result changes.
const dataOf = (results: QueryObserverResult<Month>[]) => results.map((r) => r.data);

/**
 * The timeline's data: the day counts of the whole view (one request) and the items of the
 * months in view (one cached query per month), grouped by day with the same fixed UTC offset
 * the server used for the counts. What it returns for rendering (`daysData`, `itemsOf`, `flat`)
 * is a deferred copy: a reply re-renders the timeline in a transition (React renders it in
 * slices between other work) instead of in one long task the moment the reply lands.
 */
export function useTimelineData(view: AssetView, months: string[]) {
  const [tz] = useState(tzOffset);
  const days = useQuery({ queryKey: ["timeline-days", view, tz], queryFn: () => getJson<{ days: TimelineDay[]; total: number }>(`/api/timeline/days${qs({ view, tz })}`) });
  const monthData = useQueries({ queries: months.map((month) => ({ queryKey: ["timeline-month", view, tz, month], queryFn: () => loadMonth(view, month, tz), staleTime: 60_000 })), combine: dataOf });
  const current = useMemo(() => ({ days: days.data, byMonth: new Map(months.map((month, i) => [month, monthData[i]])), months }), [days.data, months, monthData]);
  const shown = useDeferredValue(current);
  return {
    /** The day counts' query (its error and refetch). */
    days,
    /** The day counts to render. */
    daysData: shown.days,
    /** The loaded items of a day (undefined while its month loads). */
    itemsOf: (day: string) => shown.byMonth.get(day.slice(0, 7))?.byDay.get(day) ?? (shown.byMonth.get(day.slice(0, 7)) ? [] : undefined),
    /** Every loaded item in timeline order (lightbox and range selection). */
    flat: () => shown.months.flatMap((month) => shown.byMonth.get(month)?.items ?? []),
  };
}
