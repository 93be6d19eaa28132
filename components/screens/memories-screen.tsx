"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import { AssetBrowser } from "../grid/asset-browser";
import { EmptyState, ErrorState, GridSkeleton, inputClass, ScreenHeader } from "../states";
import type { Memory } from "../types";

/** "On this day": the same days in earlier years, a section per year; another day can be picked. */
export function MemoriesScreen() {
  const [date, setDate] = useState<string | undefined>(undefined);
  const [tz] = useState(tzOffset);
  const { data, error, refetch } = useQuery({ queryKey: ["memories", date, tz], queryFn: () => getJson<{ date: string; memories: Memory[] }>(`/api/memories${qs({ date, tz })}`) });
  return (
    <>
      <ScreenHeader title="Memories">
        <label htmlFor="memory-date" className="text-sm">Day</label>
        <input id="memory-date" type="date" value={date ?? data?.date ?? ""} onChange={(e) => setDate(e.target.value || undefined)} className={`${inputClass} rounded-full py-1.5`} />
      </ScreenHeader>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <GridSkeleton />
      ) : data.memories.length === 0 ? (
        <EmptyState icon="memories" title="No memories around this day">Photos taken within three days of this date in earlier years appear here. Pick another day above.</EmptyState>
      ) : (
        data.memories.map((memory) => (
          <section key={memory.year} aria-labelledby={`memory-${memory.year}`} className="pb-6">
            <h2 id={`memory-${memory.year}`} className="px-4 pb-2 text-lg font-semibold">
              {memory.yearsAgo === 1 ? "1 year ago" : `${memory.yearsAgo} years ago`} <span className="text-sm font-normal text-slate-600 dark:text-slate-300">· {memory.year}</span>
            </h2>
            <AssetBrowser items={memory.items} />
          </section>
        ))
      )}
    </>
  );
}
