"use client";
import { startTransition, useEffect, useMemo, useState } from "react";
import { firstScreenDays, layoutBuilder, layoutTimeline, packsDays, rowHeightFor, type LayoutOptions, type TimelineDay, type TimelineRow } from "./timeline-layout";

/** How long one slice of the start-up layout may hold the main thread before it yields. */
const SLICE_MS = 6;
/** Days laid out between two looks at the clock. */
const DAYS_PER_STEP = 40;

type Layout = { rows: TimelineRow[]; height: number };

/**
 * The timeline's rows at `width`. At start-up, the first screens' days at once, then the whole
 * view laid out in slices of a few milliseconds across tasks (100k photos in one go made a long
 * main-thread task while the page started) and swapped in by a transition; from then on (a new
 * upload, another width) the whole view at once, as the rows on screen must not move. `atOnce` (a
 * timeline mounted scrolled, back from another screen) skips the slices, so the page has its
 * height when the browser restores the scroll position.
 */
export function useTimelineLayout(days: TimelineDay[], width: number, atOnce: boolean): Layout {
  const options = useMemo<LayoutOptions>(() => ({ width, rowHeight: rowHeightFor(width), packDays: packsDays(width) }), [width]);
  const [whole, setWhole] = useState<{ days: TimelineDay[]; options: LayoutOptions; layout: Layout } | null>(null);
  const started = atOnce || whole !== null;
  const layout = useMemo(
    () => (whole?.days === days && whole.options === options ? whole.layout : layoutTimeline(started ? days : firstScreenDays(days), options)),
    [whole, days, options, started],
  );
  useEffect(() => {
    if (started || width <= 0 || firstScreenDays(days).length === days.length) return;
    const builder = layoutBuilder(options);
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const end = performance.now() + SLICE_MS;
      while (next < days.length && performance.now() < end) {
        builder.add(days.slice(next, next + DAYS_PER_STEP));
        next += DAYS_PER_STEP;
      }
      if (next < days.length) timer = setTimeout(step, 0);
      else startTransition(() => setWhole({ days, options, layout: builder.result() }));
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [started, days, options, width]);
  return layout;
}
