"use client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import type { AssetSummary, AssetView } from "../types";
import { seedMonths, type FirstScreenData, type MonthSeed } from "./first-screen";
import { dayAt, MONTH_PAGE, monthWindow, type TimelineDay } from "./timeline-layout";

type MonthItems = { items: AssetSummary[]; byDay: Map<string, AssetSummary[]> };

function byDay(items: AssetSummary[], tz: number): MonthItems {
  const days = new Map<string, AssetSummary[]>();
  for (const item of items) {
    const day = dayAt(item.capturedAt, tz);
    const bucket = days.get(day);
    if (bucket) bucket.push(item);
    else days.set(day, [item]);
  }
  return { items, byDay: days };
}

/** One month of a view, newest first, grouped by day (the viewer's fixed offset); after `start` (the server sent the month's first page) only the rest. */
async function loadMonth(view: AssetView, month: string, tz: number, start?: { items: AssetSummary[]; cursor: string }): Promise<MonthItems> {
  const { from, to } = monthWindow(month, tz);
  const items: AssetSummary[] = [...(start?.items ?? [])];
  let cursor = start?.cursor ?? null;
  do {
    const page: { items: AssetSummary[]; nextCursor: string | null } = await getJson(`/api/assets${qs({ view, from, to, limit: MONTH_PAGE, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return byDay(items, tz);
}

/**
 * The timeline's data: the day counts of the whole view (one request) and the items of the
 * months in view (one cached query per month), grouped by day with the same fixed UTC offset
 * the server used for the counts. `first` (the server's first page, when read at this offset)
 * starts the newest months: shown at once, and each month's first load only asks for the rest.
 */
export function useTimelineData(view: AssetView, months: string[], first?: FirstScreenData) {
  const [tz] = useState(tzOffset);
  // Used once each: a later load of the month (an invalidation) asks the box for all of it.
  const [seeds] = useState(() => (first && first.tz === tz ? seedMonths(first) : new Map<string, MonthSeed>()));
  const days = useQuery({ queryKey: ["timeline-days", view, tz], queryFn: () => getJson<{ days: TimelineDay[]; total: number }>(`/api/timeline/days${qs({ view, tz })}`) });
  const loaded = useQueries({
    queries: months.map((month) => {
      const seed = seeds.get(month);
      return {
        queryKey: ["timeline-month", view, tz, month],
        queryFn: () => {
          // A seed cut off is completed from its cursor by the load right after mount; any later
          // load (an invalidation after a trash, an upload) asks the box for the whole month.
          const kept = seeds.get(month);
          seeds.delete(month);
          return loadMonth(view, month, tz, kept?.cursor ? { items: kept.items, cursor: kept.cursor } : undefined);
        },
        staleTime: 60_000,
        // A month the server sent only the start of is shown and then completed at once (stale from the start).
        ...(seed ? { initialData: () => byDay(seed.items, tz), initialDataUpdatedAt: seed.cursor ? 0 : undefined } : {}),
      };
    }),
  });
  const byMonth = new Map(months.map((month, i) => [month, loaded[i]?.data]));
  return {
    days,
    /** The loaded items of a day (undefined while its month loads). */
    itemsOf: (day: string) => byMonth.get(day.slice(0, 7))?.byDay.get(day) ?? (byMonth.get(day.slice(0, 7)) ? [] : undefined),
    /** Every loaded item in timeline order (lightbox and range selection). */
    flat: () => months.flatMap((month) => byMonth.get(month)?.items ?? []),
  };
}
