import { memo, type CSSProperties } from "react";
import { formatDay, kindLabel } from "../format";
import { smallThumbnailUrl } from "../grid/thumbnail-url";
import { VIEWER_PARAM } from "../lightbox/viewer-param";
import type { AssetSummary } from "../types";
import { DAY_GAP_PX, DAY_HEADER_PX, GAP_PX, MAX_ASPECT, MIN_ASPECT, dayAt } from "./timeline-layout";

/** Newest photos the server puts in the Photos page's first HTML: more than a phone's or a desktop's first screen holds. */
export const FIRST_SCREEN_ITEMS = 30;
/** Tiles whose thumbnails are asked for at high priority (the largest image of the first screen is among them). */
const HIGH_PRIORITY = 8;

/**
 * The newest page of the timeline as the server read it (at the viewer's offset, `tz`), with the
 * day labels it formatted: the first screen in plain HTML, and the start of the newest months'
 * queries, so the client never asks for these photos again.
 */
export type FirstScreenData = { tz: number; items: AssetSummary[]; nextCursor: string | null; labels: Record<string, string> };

/** The first language of an Accept-Language header that this runtime can format dates in (undefined: its own default). */
function preferredLocale(acceptLanguage: string | null): string | undefined {
  for (const tag of (acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]!.trim())) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // not a language tag: try the next one
    }
  }
  return undefined;
}

/** What the server sends: the first page of the view (`listAssets`) and each of its days' label in the language the browser asked for. */
export function firstScreenData(page: { items: AssetSummary[]; nextCursor: string | null }, tz: number, acceptLanguage: string | null): FirstScreenData {
  const locale = preferredLocale(acceptLanguage);
  const labels: Record<string, string> = {};
  for (const item of page.items) {
    const day = dayAt(item.capturedAt, tz);
    labels[day] ??= formatDay(day, locale);
  }
  return { tz, items: page.items, nextCursor: page.nextCursor, labels };
}

/** The start of a month's photos, and where the box goes on from (null: that is all of them). */
export type MonthSeed = { items: AssetSummary[]; cursor: string | null };

/**
 * The newest months' photos in the first screen: every month is complete except the last one
 * (oldest), which goes on from `cursor` (null: complete too).
 */
export function seedMonths(first: FirstScreenData): Map<string, MonthSeed> {
  const months = new Map<string, MonthSeed>();
  for (const item of first.items) {
    const month = dayAt(item.capturedAt, first.tz).slice(0, 7);
    const seed = months.get(month);
    if (seed) seed.items.push(item);
    else months.set(month, { items: [item], cursor: null });
  }
  const last = [...months.values()].at(-1);
  if (last) last.cursor = first.nextCursor;
  return months;
}

const aspectOf = (item: AssetSummary) => Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, item.width && item.height ? item.width / item.height : 1));

/**
 * The first screen of the timeline without JavaScript: the same day labels and justified rows
 * (photos at their aspect ratio, full rows edge to edge, a day's last row at the target height;
 * short days side by side from tablet width), laid out by CSS flexbox at the screen's width, so the
 * largest image is a plain <img> that paints before the scripts run. The timeline replaces it once
 * it has measured the screen.
 */
export const FirstScreen = memo(function FirstScreen({ first }: { first: FirstScreenData }) {
  const days: { day: string; items: AssetSummary[] }[] = [];
  for (const item of first.items) {
    const day = dayAt(item.capturedAt, first.tz);
    if (days.at(-1)?.day === day) days.at(-1)!.items.push(item);
    else days.push({ day, items: [item] });
  }
  let index = 0;
  return (
    // The target row heights of rowHeightFor() (110 px on a phone, 150 px on a tablet, 190 px on a
    // desktop), times 0.8: CSS rows only grow to fill the width, so a basis 0.8× the target centres
    // their heights on it, as the client's rule (close a row at whichever height is nearer) does;
    // no photo grows past the target (a day's last row ends there, as the client's does).
    <div className="flex flex-wrap items-start [--row-h:88px] min-[480px]:[--row-h:120px] md:[--row-h:152px]" style={{ columnGap: DAY_GAP_PX }} data-testid="first-screen">
      {days.map(({ day, items }, i) => {
        const sum = items.reduce((s, item) => s + aspectOf(item), 0);
        const newMonth = i > 0 && days[i - 1]!.day.slice(0, 7) !== day.slice(0, 7);
        // From tablet width, a day is as wide as its photos in one row at the target height (at most the screen: then its rows wrap), so short days share a line.
        const width = { "--day-w": `calc(${sum.toFixed(3)} * var(--row-h) * 1.25 + ${GAP_PX * (items.length - 1)}px)`, minWidth: 120 } as CSSProperties;
        return [
          newMonth ? <div key={`${day}:month`} className="basis-full" /> : null,
          <section key={day} style={width} className="min-w-0 shrink grow-0 basis-full md:basis-(--day-w)">
            <h2 style={{ height: DAY_HEADER_PX }} className="truncate px-1 pb-2 pt-5 text-sm font-medium text-slate-700 dark:text-slate-200">
              {first.labels[day]}
            </h2>
            <div className="flex flex-wrap items-start" style={{ gap: GAP_PX, marginBottom: GAP_PX }}>
              {items.map((item) => {
                const aspect = aspectOf(item);
                const eager = index++ < HIGH_PRIORITY;
                return (
                  <div key={item.id} className="relative overflow-hidden bg-slate-200 dark:bg-slate-800" style={{ flex: `${aspect} ${aspect} calc(${aspect} * var(--row-h))`, maxWidth: `calc(${aspect} * var(--row-h) * 1.25)`, aspectRatio: aspect }}>
                    {/* A photo tapped before the timeline takes over opens through its link (the viewer's URL). */}
                    <a href={`/?${VIEWER_PARAM}=${encodeURIComponent(item.id)}`} aria-label={`${kindLabel(item.kind)}, ${first.labels[day]}`} className="absolute inset-0">
                      {item.thumbnails.sm ? (
                        // eslint-disable-next-line @next/next/no-img-element
                        <img
                          src={smallThumbnailUrl(item)}
                          alt=""
                          decoding="async"
                          loading={eager ? "eager" : "lazy"}
                          fetchPriority={eager ? "high" : undefined}
                          className="h-full w-full object-cover"
                          draggable={false}
                        />
                      ) : null}
                    </a>
                  </div>
                );
              })}
              {/* A day's last row: its photos grow to the target height (their max-width), this takes the rest of the room. */}
              <div style={{ flexGrow: 0.001 }} />
            </div>
          </section>,
        ];
      })}
    </div>
  );
});
