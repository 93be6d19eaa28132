"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatDay, formatMonth } from "../format";
import { AssetTile } from "../grid/asset-tile";
import { SelectionBar, type BulkContext } from "../grid/selection-bar";
import { StatusToast, type Status } from "../grid/status-toast";
import { useSelection } from "../grid/use-selection";
import { useOpenViewer } from "../lightbox/viewer-host";
import { EmptyLibrary } from "../screens/empty-library";
import { EmptyState, ErrorState, GridSkeleton } from "../states";
import type { ShelfView } from "../types";
import { Scrubber } from "./scrubber";
import { columnsFor, GAP_PX, layoutTimeline, rowAt } from "./timeline-layout";
import { useTimelineData } from "./use-timeline-data";

const EMPTY: Record<ShelfView, { title: string; text: string }> = {
  timeline: { title: "No photos yet", text: "Upload from this browser or share from your phone; Google Takeout imports land here too." },
  favorites: { title: "No favorites yet", text: "Tap the heart on a photo to keep it here." },
  archive: { title: "The archive is empty", text: "Archived photos leave the timeline but stay searchable and in their albums." },
  trash: { title: "The trash is empty", text: "Trashed items stay here until they are deleted for good." },
};

/**
 * The virtualized timeline of a view: days with headers, a sticky month label, a date scrubber,
 * multi-select and the lightbox. Only rows on screen exist in the DOM and only their months load.
 */
export function Timeline({ view }: { view: ShelfView }) {
  const list = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [months, setMonths] = useState<string[]>([]);
  const { days, itemsOf, flat } = useTimelineData(view, months);
  const columns = columnsFor(width);
  const layout = useMemo(() => layoutTimeline(days.data?.days ?? [], width, columns), [days.data, width, columns]);
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
  }, [days.data]);
  const virtualizer = useWindowVirtualizer({
    count: layout.rows.length,
    estimateSize: (i) => layout.rows[i]!.height,
    overscan: 6,
    scrollMargin,
  });
  useEffect(() => virtualizer.measure(), [layout, virtualizer]);
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;
  const wanted = new Set<string>();
  for (let i = first; i <= last && i < layout.rows.length; i++) wanted.add(layout.rows[i]!.day.slice(0, 7));
  if ([...wanted].some((m) => !months.includes(m))) {
    // Months stay once loaded (cheap), so the lightbox and range selection can walk through them.
    setMonths([...new Set([...months, ...wanted])].sort().reverse());
  }
  const ids = useCallback(() => flat().map((i) => i.id), [flat]);
  const selection = useSelection(ids);
  const openViewer = useOpenViewer();
  const [status, setStatus] = useState<Status>("");
  const context: BulkContext = view === "trash" ? "trash" : view === "archive" ? "archive" : "library";

  if (days.error) return <ErrorState error={days.error} retry={() => void days.refetch()} />;
  if (!days.data) return <GridSkeleton count={24} />;
  if (days.data.total === 0 && view === "timeline") return <EmptyLibrary />;
  if (days.data.total === 0) return <EmptyState icon={view === "timeline" ? "photos" : view === "favorites" ? "heart" : view} title={EMPTY[view].title}>{EMPTY[view].text}</EmptyState>;
  const scrolled = (virtualizer.scrollOffset ?? 0) - scrollMargin;
  const topRow = layout.rows[rowAt(layout.rows, Math.max(0, scrolled))];
  return (
    <div className="relative">
      <SelectionBar selection={selection} context={context} onStatus={setStatus} />
      {topRow && scrolled > 0 && !selection.active ? (
        <div aria-hidden="true" className="pointer-events-none sticky top-[53px] z-20 h-0 md:top-0">
          <span className="ml-3 mt-2 inline-block rounded-full bg-white/90 px-3 py-1 text-sm font-semibold shadow dark:bg-slate-900/90" data-testid="month-label">{formatMonth(topRow.day)}</span>
        </div>
      ) : null}
      <div ref={list} className="relative ml-1 mr-7 md:ml-2 md:mr-9" style={{ height: layout.height }} data-testid="timeline">
        {visible.map((row) => {
          const r = layout.rows[row.index]!;
          const style = { position: "absolute" as const, top: 0, left: 0, width: "100%", height: r.height, transform: `translateY(${row.start - scrollMargin}px)` };
          if (r.kind === "day") {
            return (
              <h2 key={row.key} style={style} className="flex items-end px-2 pb-2 text-sm font-medium text-slate-700 dark:text-slate-200">
                {formatDay(r.day)}
              </h2>
            );
          }
          const items = itemsOf(r.day);
          return (
            <div key={row.key} style={{ ...style, display: "grid", gridTemplateColumns: `repeat(${columns}, ${layout.cell}px)`, gap: GAP_PX }}>
              {Array.from({ length: r.count }, (_, c) => {
                const item = items?.[r.first + c];
                return item ? (
                  <div key={item.id} style={{ height: layout.cell }}>
                    <AssetTile asset={item} selected={selection.selected.has(item.id)} selecting={selection.active} onOpen={() => openViewer(flat(), item.id)} onToggle={(range) => selection.toggle(item.id, range)} />
                  </div>
                ) : (
                  <div key={c} style={{ height: layout.cell }} className="animate-pulse bg-slate-200 dark:bg-slate-800" />
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
