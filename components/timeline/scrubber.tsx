"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatMonth } from "../format";
import { placeYearLabels } from "./scrubber-labels";
import type { TimelineRow } from "./timeline-layout";

/** Room one year label needs on the bar (10 px text and its line height). */
const LABEL_PX = 14;

/**
 * The date scrubber on the right edge: years at their place in the timeline; drag or click to
 * jump, with the month under the finger shown; arrow keys step a month, PageUp/PageDown a year.
 */
export function Scrubber({ rows, height, scrollMargin, current }: { rows: TimelineRow[]; height: number; scrollMargin: number; current: string | null }) {
  const bar = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ y: number; label: string } | null>(null);
  const months = useMemo(() => {
    const out: { month: string; top: number }[] = [];
    for (const row of rows) for (const { day } of row.labels) if (out.at(-1)?.month !== day.slice(0, 7)) out.push({ month: day.slice(0, 7), top: row.top });
    return out;
  }, [rows]);
  const [barPx, setBarPx] = useState(0);
  const shown = height > 0 && months.length >= 2;
  // The bar's height comes from the observer, after the browser's own layout (read here, it would
  // force a layout of the whole page inside the commit that puts the rows in).
  useEffect(() => {
    const el = bar.current;
    if (!shown || !el) return;
    const observer = new ResizeObserver(([entry]) => setBarPx(entry!.contentRect.height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  const years = useMemo(() => {
    const firsts = months.filter((m, i) => i === 0 || m.month.slice(0, 4) !== months[i - 1]!.month.slice(0, 4));
    return placeYearLabels(firsts.map((m) => ({ label: m.month.slice(0, 4), fraction: height > 0 ? m.top / height : 0 })), barPx, LABEL_PX);
  }, [months, height, barPx]);
  if (!shown) return null;
  const jumpTo = (top: number) => window.scrollTo({ top: scrollMargin + top - 60 });
  const atFraction = (clientY: number) => {
    const rect = bar.current!.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (clientY - rect.top) / rect.height));
    const target = fraction * height;
    const month = [...months].reverse().find((m) => m.top <= target) ?? months[0]!;
    return { y: clientY - rect.top, month, target };
  };
  const index = Math.max(0, months.findIndex((m) => m.month === current?.slice(0, 7)));
  const step = (delta: number) => jumpTo(months[Math.min(months.length - 1, Math.max(0, index + delta))]!.top);
  return (
    <div
      ref={bar}
      role="slider"
      tabIndex={0}
      aria-label="Jump to a date"
      aria-valuemin={0}
      aria-valuemax={months.length - 1}
      aria-valuenow={index}
      aria-valuetext={current ? formatMonth(current) : undefined}
      data-testid="scrubber"
      className="fixed bottom-16 right-0 top-[53px] z-20 w-6 touch-none select-none md:bottom-0 md:top-0 md:w-8"
      onKeyDown={(e) => {
        const deltas: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 12, PageUp: -12 };
        if (deltas[e.key] !== undefined) {
          e.preventDefault();
          step(deltas[e.key]!);
        }
      }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        const hit = atFraction(e.clientY);
        setHover({ y: hit.y, label: formatMonth(hit.month.month) });
        jumpTo(hit.target);
      }}
      onPointerMove={(e) => {
        if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
        const hit = atFraction(e.clientY);
        setHover({ y: hit.y, label: formatMonth(hit.month.month) });
        jumpTo(hit.target);
      }}
      onPointerUp={() => setHover(null)}
    >
      {years.map((y) => (
        <span key={y.label} aria-hidden="true" data-testid="scrubber-year" className="absolute right-0.5 text-[10px] font-medium leading-[14px] text-slate-600 dark:text-slate-300" style={{ top: y.top }}>
          {y.label}
        </span>
      ))}
      {hover ? (
        <span className="absolute right-8 whitespace-nowrap rounded-full bg-slate-900 px-3 py-1 text-sm text-white shadow dark:bg-slate-100 dark:text-slate-900" style={{ top: hover.y - 14 }}>
          {hover.label}
        </span>
      ) : null}
    </div>
  );
}
