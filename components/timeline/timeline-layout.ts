/** One day of the timeline and how many items it holds (from /api/timeline/days). */
export type TimelineDay = { day: string; count: number };

export type TimelineRow =
  | { kind: "day"; day: string; top: number; height: number }
  | { kind: "cells"; day: string; top: number; height: number; /** first item of this row within its day */ first: number; count: number };

export const DAY_HEADER_PX = 44;
export const GAP_PX = 2;

/**
 * Lays out the whole timeline from day counts alone: a header row per day, then rows of
 * `columns` square cells. Every row's position is known before any item is loaded, so 100k
 * photos scroll (and scrub) as one list while only the visible months are fetched.
 */
export function layoutTimeline(days: TimelineDay[], width: number, columns: number): { rows: TimelineRow[]; height: number; cell: number } {
  const cell = Math.max(1, Math.floor((width - GAP_PX * (columns - 1)) / columns));
  const rows: TimelineRow[] = [];
  let top = 0;
  for (const { day, count } of days) {
    rows.push({ kind: "day", day, top, height: DAY_HEADER_PX });
    top += DAY_HEADER_PX;
    for (let first = 0; first < count; first += columns) {
      rows.push({ kind: "cells", day, top, height: cell + GAP_PX, first, count: Math.min(columns, count - first) });
      top += cell + GAP_PX;
    }
  }
  return { rows, height: top, cell };
}

/** Columns for a width: about 120 px cells on a phone, up to ~200 px on a desktop. */
export function columnsFor(width: number): number {
  if (width < 480) return 3;
  if (width < 768) return 4;
  return Math.max(5, Math.min(10, Math.round(width / 190)));
}

/** The row at a vertical offset (binary search). */
export function rowAt(rows: TimelineRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rows[mid]!.top <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The [from, to) capture-time window of a month (YYYY-MM) at a fixed UTC offset in minutes. */
export function monthWindow(month: string, tz: number): { from: string; to: string } {
  const sign = tz >= 0 ? "+" : "-";
  const offset = `${sign}${String(Math.floor(Math.abs(tz) / 60)).padStart(2, "0")}:${String(Math.abs(tz) % 60).padStart(2, "0")}`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  return { from: `${month}-01T00:00:00${offset}`, to: `${next}-01T00:00:00${offset}` };
}

/** The day (YYYY-MM-DD) of an instant at a fixed UTC offset — the same rule the server groups by. */
export function dayAt(iso: string, tz: number): string {
  return new Date(Date.parse(iso) + tz * 60_000).toISOString().slice(0, 10);
}
