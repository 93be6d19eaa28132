import type { TimelineDay } from "@/lib/assets/list-timeline-days";

export type { TimelineDay };

/** One photo's box within its row (px from the row's left edge). */
export type TimelineTile = { day: string; /** index within its day */ index: number; left: number; width: number };

/**
 * One virtualized row: a band of day labels when a day starts here (several when short days share
 * the row), then one line of photos `imageHeight` tall; `top`/`height` include the gap below.
 */
export type TimelineRow = { top: number; height: number; day: string; labels: { day: string; left: number; width: number }[]; imageHeight: number; tiles: TimelineTile[] };

export type LayoutOptions = { width: number; rowHeight: number; /** pack short days side by side (wide screens) */ packDays: boolean };

export const DAY_HEADER_PX = 44;
/** Items per request when a month of the timeline loads. */
export const MONTH_PAGE = 500;
export const GAP_PX = 2;
/** Space between two days sharing a row. */
export const DAY_GAP_PX = 16;
/** A packed day takes at least this much room, so its date label stays readable. */
const MIN_LABEL_PX = 120;
/** Panoramas and tall screenshots are cropped to these ratios so one photo never fills a row alone. */
export const MIN_ASPECT = 0.5;
export const MAX_ASPECT = 2.5;

const clampAspect = (a: number) => (Number.isFinite(a) && a > 0 ? Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, a)) : 1);

type Line = { height: number; items: { index: number; aspect: number }[]; full: boolean };

/** Greedy justified lines of one day: each full line scaled to fill `width`, the last one left at `rowHeight`. */
function justify(aspects: number[], width: number, rowHeight: number): Line[] {
  const lines: Line[] = [];
  let items: Line["items"] = [];
  let sum = 0;
  const fitted = (total: number, n: number) => (width - GAP_PX * (n - 1)) / total;
  for (let index = 0; index < aspects.length; index++) {
    const aspect = clampAspect(aspects[index]!);
    if ((sum + aspect) * rowHeight + GAP_PX * items.length < width) {
      items.push({ index, aspect });
      sum += aspect;
      continue;
    }
    // This photo overflows the line: close it with or without the photo, whichever lands nearer the target height.
    const withIt = fitted(sum + aspect, items.length + 1);
    if (items.length > 0 && Math.abs(fitted(sum, items.length) - rowHeight) < Math.abs(withIt - rowHeight)) {
      lines.push({ height: fitted(sum, items.length), items, full: true });
      items = [{ index, aspect }];
      sum = aspect;
    } else {
      lines.push({ height: withIt, items: [...items, { index, aspect }], full: true });
      items = [];
      sum = 0;
    }
  }
  if (items.length > 0) lines.push({ height: rowHeight, items, full: false });
  return lines;
}

/** Tiles of a line from `x`, edges rounded to whole pixels (a full line's last edge lands exactly on `x + width`). */
function place(day: string, line: Line, x: number): { tiles: TimelineTile[]; right: number } {
  const tiles: TimelineTile[] = [];
  let at = x;
  for (const { index, aspect } of line.items) {
    const left = Math.round(at);
    const right = Math.round(at + aspect * line.height);
    tiles.push({ day, index, left, width: right - left });
    at += aspect * line.height + GAP_PX;
  }
  return { tiles, right: Math.round(at - GAP_PX) };
}

/** A layout built a slice of days at a time (the newest first): each `add` continues where the last one stopped. */
export type LayoutBuilder = { add: (days: TimelineDay[]) => void; result: () => { rows: TimelineRow[]; height: number } };

/**
 * Lays out the timeline from the days' aspect ratios alone (before any item is loaded): justified
 * rows per day, every full row exactly as wide as the container, a day's last row at the target
 * height (not stretched); with `packDays`, days that fit in one short row share a row with their
 * labels side by side (within a month), as Google Photos and Immich do. Every row's position is
 * known up front, so 100k photos scroll (and scrub) as one list while only the visible months are
 * fetched. Days given in several `add` calls lay out exactly as in one.
 */
export function layoutBuilder({ width, rowHeight, packDays }: LayoutOptions): LayoutBuilder {
  const rows: TimelineRow[] = [];
  let top = 0;
  // The row that short days of the same month may still join, and where the next one would start in it.
  let open = null as { row: TimelineRow; x: number } | null;
  const add = (days: TimelineDay[]) => {
    for (const { day, aspects } of days) {
      if (width <= 0 || aspects.length === 0) continue;
      const lines = justify(aspects, width, rowHeight);
      const only = lines.length === 1 && !lines[0]!.full ? lines[0]! : null;
      if (only && packDays && open && open.row.day.slice(0, 7) === day.slice(0, 7)) {
        const x = open.x + DAY_GAP_PX;
        const { tiles, right } = place(day, only, x);
        if (Math.max(right, x + MIN_LABEL_PX) <= width) {
          // Each label runs to the next one (the last to the row's end).
          const previous = open.row.labels.at(-1)!;
          previous.width = x - DAY_GAP_PX - previous.left;
          open.row.labels.push({ day, left: x, width: width - x });
          open.row.tiles.push(...tiles);
          open.x = Math.max(right, x + MIN_LABEL_PX);
          continue;
        }
      }
      open = null;
      for (const [i, line] of lines.entries()) {
        const { tiles, right } = place(day, line, 0);
        const labels = i === 0 ? [{ day, left: 0, width }] : [];
        const imageHeight = Math.round(line.height);
        const row: TimelineRow = { top, height: (i === 0 ? DAY_HEADER_PX : 0) + imageHeight + GAP_PX, day, labels, imageHeight, tiles };
        rows.push(row);
        top += row.height;
        if (only) open = { row, x: Math.max(right, MIN_LABEL_PX) };
      }
    }
  };
  return { add, result: () => ({ rows, height: top }) };
}

/** The whole layout of `days` at once (see layoutBuilder). */
export function layoutTimeline(days: TimelineDay[], options: LayoutOptions): { rows: TimelineRow[]; height: number } {
  const builder = layoutBuilder(options);
  builder.add(days);
  return builder.result();
}

/** Photos (and, for sparse days, days) in the first layout of a timeline: more than any screen holds. */
const FIRST_PHOTOS = 400;
const FIRST_DAYS = 100;

/**
 * The newest days, enough to fill the first screens: the timeline lays these out first and the
 * whole view in a later task, so its first render does not wait for the rows of 100k photos.
 */
export function firstScreenDays(days: TimelineDay[]): TimelineDay[] {
  let photos = 0;
  for (let i = 0; i < days.length; i++) {
    photos += days[i]!.aspects.length;
    if (photos >= FIRST_PHOTOS || i + 1 >= FIRST_DAYS) return days.slice(0, i + 1);
  }
  return days;
}

/** The target row height for a width: ~110 px on a phone, ~150 px on a tablet, ~190 px on a desktop. */
export function rowHeightFor(width: number): number {
  if (width < 480) return 110;
  if (width < 768) return 150;
  return 190;
}

/** Days share rows from tablet width up; a phone shows one day per row, like Google Photos. */
export function packsDays(width: number): boolean {
  return width >= 768;
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
