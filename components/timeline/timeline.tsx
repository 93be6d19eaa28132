"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import dynamic from "next/dynamic";
import { Fragment, memo, startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { formatDay, formatMonth } from "../format";
import { AssetTile } from "../grid/asset-tile";
import type { BulkContext } from "../grid/selection-bar";
import { StatusToast, type Status } from "../grid/status-toast";
import { useSelection, type Selection } from "../grid/use-selection";
import { useOpenViewer } from "../lightbox/viewer-host";
import { EmptyLibrary } from "../screens/empty-library";
import { EmptyState, ErrorState, GridSkeleton } from "../states";
import type { AssetSummary, ShelfView } from "../types";
import { FirstScreen, type FirstScreenData } from "./first-screen";
import { Scrubber } from "./scrubber";
import { DAY_HEADER_PX, rowAt, type TimelineDay } from "./timeline-layout";
import { useTimelineData } from "./use-timeline-data";
import { useTimelineLayout } from "./use-timeline-layout";

// The bulk actions (album picker, sharing, downloads) load when a first photo is selected.
const SelectionBar = dynamic(() => import("../grid/selection-bar").then((m) => m.SelectionBar));

const NO_DAYS: TimelineDay[] = [];

/** Rows at the top of the timeline whose thumbnails load at once, at high priority (the first screen). */
const EAGER_ROWS = 4;

const EMPTY: Record<ShelfView, { title: string; text: string }> = {
  timeline: { title: "No photos yet", text: "Upload from this browser or share from your phone; Google Takeout imports land here too." },
  favorites: { title: "No favorites yet", text: "Tap the heart on a photo to keep it here." },
  archive: { title: "The archive is empty", text: "Archived photos leave the timeline but stay searchable and in their albums." },
  trash: { title: "The trash is empty", text: "Trashed items stay here until they are deleted for good." },
};

type TimelineProps = {
  view: ShelfView;
  /** Shown above the first day (e.g. memories). */
  header?: ReactNode;
  /** Keep the skeleton while the header still loads, so it never pushes the grid down. */
  holding?: boolean;
  /** Picker mode (e.g. "Add photos" to an album): a tap selects, and this bar replaces the selection bar. */
  picker?: (selection: Selection) => ReactNode;
  /** The server's first page (Photos): its first screen in the first HTML, and the start of the newest months. */
  first?: FirstScreenData;
};

/**
 * The virtualized timeline of a view: justified rows of photos under their day labels (short days
 * share a row on wide screens), a sticky month label, a date scrubber, multi-select and the
 * lightbox. Only rows on screen exist in the DOM and only their months load.
 */
export function Timeline({ view, header, holding = false, picker, first }: TimelineProps) {
  const list = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [months, setMonths] = useState<string[]>([]);
  const { days, itemsOf, flat } = useTimelineData(view, months, first);
  // A timeline mounted scrolled (back from another screen) needs its whole height at once.
  const [mountedScrolled] = useState(() => typeof window !== "undefined" && window.scrollY > 0);
  const layout = useTimelineLayout(days.data?.days ?? NO_DAYS, width, mountedScrolled);
  // The server's first screen stays until the timeline has its shape and width; then the rows
  // replace it in a transition, which React renders in short slices instead of one long task.
  // Mounted again with the shape cached (back from another screen), the rows come at once, so the
  // page has its height when the browser restores the scroll position.
  const [live, setLive] = useState(() => !first || days.data !== undefined);
  const ready = days.data !== undefined && width > 0;
  useEffect(() => {
    if (ready && !live) startTransition(() => setLive(true));
  }, [ready, live]);
  // Measured again whenever the list element changes (skeleton or first screen → rows).
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [days.data, holding, live]);
  const virtualizer = useWindowVirtualizer({
    count: layout.rows.length,
    estimateSize: (i) => layout.rows[i]!.height,
    overscan: 6,
    scrollMargin,
  });
  useEffect(() => virtualizer.measure(), [layout, virtualizer]);
  const visible = virtualizer.getVirtualItems();
  const firstRow = visible[0]?.index ?? 0;
  const lastRow = visible.at(-1)?.index ?? 0;
  const wanted = new Set<string>();
  for (let i = firstRow; i <= lastRow && i < layout.rows.length; i++) wanted.add(layout.rows[i]!.day.slice(0, 7));
  if ([...wanted].some((m) => !months.includes(m))) {
    // Months stay once loaded (cheap), so the lightbox and range selection can walk through them.
    setMonths([...new Set([...months, ...wanted])].sort().reverse());
  }
  const ids = useCallback(() => flat().map((i) => i.id), [flat]);
  const selection = useSelection(ids);
  const openViewer = useOpenViewer();
  // The tiles get callbacks that never change (they read the latest state when called), so a
  // re-render of the timeline skips the tiles whose photo and selection state stayed the same.
  const actions = useRef<Pick<TimelineTileProps, "open" | "toggle">>({ open: () => undefined, toggle: () => undefined });
  useLayoutEffect(() => {
    actions.current = { open: (id) => openViewer(flat(), id), toggle: (id, range) => selection.toggle(id, range) };
  });
  const open = useCallback((id: string) => actions.current.open(id), []);
  const toggle = useCallback((id: string, range: boolean) => actions.current.toggle(id, range), []);
  const [status, setStatus] = useState<Status>("");
  const context: BulkContext = view === "trash" ? "trash" : view === "archive" ? "archive" : "library";

  if (days.error) return <ErrorState error={days.error} retry={() => void days.refetch()} />;
  if (holding) return <GridSkeleton count={24} />;
  // The header (server-rendered with the page, e.g. memories) keeps its element when the rows replace the skeleton.
  const top = <Fragment key="header">{header}</Fragment>;
  if (first && !live) {
    return (
      <div className="relative">
        {top}
        <div ref={list} className="relative ml-1 mr-7 md:ml-2 md:mr-9">
          <FirstScreen first={first} />
        </div>
      </div>
    );
  }
  if (!days.data) {
    return (
      <div className="relative">
        {top}
        <GridSkeleton count={24} />
      </div>
    );
  }
  if (days.data.total === 0 && view === "timeline") return <EmptyLibrary />;
  if (days.data.total === 0) return <EmptyState icon={view === "timeline" ? "photos" : view === "favorites" ? "heart" : view} title={EMPTY[view].title}>{EMPTY[view].text}</EmptyState>;
  const scrolled = (virtualizer.scrollOffset ?? 0) - scrollMargin;
  const topRow = layout.rows[rowAt(layout.rows, Math.max(0, scrolled))];
  return (
    <div className="relative">
      {picker ? picker(selection) : selection.active ? <SelectionBar selection={selection} context={context} onStatus={setStatus} /> : null}
      {topRow && scrolled > 0 && !selection.active && !picker ? (
        <div aria-hidden="true" className="pointer-events-none sticky top-[53px] z-20 h-0 md:top-0">
          <span className="ml-3 mt-2 inline-block rounded-full bg-white/90 px-3 py-1 text-sm font-semibold shadow dark:bg-slate-900/90" data-testid="month-label">{formatMonth(topRow.day)}</span>
        </div>
      ) : null}
      {top}
      <div ref={list} className="relative ml-1 mr-7 md:ml-2 md:mr-9" style={{ height: layout.height }} data-testid="timeline">
        {visible.map((row) => {
          const r = layout.rows[row.index]!;
          const style = { position: "absolute" as const, top: 0, left: 0, width: "100%", height: r.height, transform: `translateY(${row.start - scrollMargin}px)` };
          const top = r.labels.length > 0 ? DAY_HEADER_PX : 0;
          return (
            <div key={row.key} style={style}>
              {r.labels.map((label) => (
                <h2 key={label.day} style={{ position: "absolute", left: label.left, width: label.width, height: DAY_HEADER_PX }} className="truncate px-1 pb-2 pt-5 text-sm font-medium text-slate-700 dark:text-slate-200">
                  {formatDay(label.day)}
                </h2>
              ))}
              {r.tiles.map((tile) => {
                const item = itemsOf(tile.day)?.[tile.index];
                const box = { position: "absolute" as const, top, left: tile.left, width: tile.width, height: r.imageHeight };
                return item ? (
                  <div key={item.id} style={box} data-tile="">
                    <TimelineTile item={item} eager={row.index < EAGER_ROWS} selected={selection.selected.has(item.id)} selecting={selection.active || picker !== undefined} open={open} toggle={toggle} />
                  </div>
                ) : (
                  <div key={`${tile.day}:${tile.index}`} style={box} className="animate-pulse bg-slate-200 dark:bg-slate-800" />
                );
              })}
            </div>
          );
        })}
      </div>
      <Scrubber rows={layout.rows} height={layout.height} scrollMargin={scrollMargin} current={topRow?.day ?? null} />
      <StatusToast status={status} onDone={() => setStatus("")} />
    </div>
  );
}

type TimelineTileProps = { item: AssetSummary; eager: boolean; selected: boolean; selecting: boolean; open: (id: string) => void; toggle: (id: string, range: boolean) => void };

/** A timeline tile, re-rendered only when its photo, priority or selection state changes. */
const TimelineTile = memo(function TimelineTile({ item, eager, selected, selecting, open, toggle }: TimelineTileProps) {
  return <AssetTile asset={item} eager={eager} selected={selected} selecting={selecting} onOpen={() => open(item.id)} onToggle={(range) => toggle(item.id, range)} />;
});
