"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import { useOpenViewer } from "../lightbox/viewer-host";
import type { Memory } from "../types";

/** Today's "On this day" memories (one shared query: the strip and the Photos screen both read it). */
export function useTodaysMemories() {
  const [tz] = useState(tzOffset);
  return useQuery({ queryKey: ["memories", undefined, tz], queryFn: () => getJson<{ date: string; memories: Memory[] }>(`/api/memories${qs({ tz })}`), staleTime: 10 * 60_000 });
}

/**
 * "On this day" above the Photos timeline: a card per earlier year with photos from around today,
 * opening that year's photos in the viewer; nothing at all on a day without memories.
 */
export function MemoriesStrip() {
  const { data } = useTodaysMemories();
  const openViewer = useOpenViewer();
  const memories = data?.memories.filter((m) => m.items.length > 0) ?? [];
  if (memories.length === 0) return null;
  return (
    <section aria-labelledby="memories-strip-title" className="px-3 pb-2 md:px-4" data-testid="memories-strip">
      <div className="flex items-baseline justify-between pb-2">
        <h2 id="memories-strip-title" className="text-sm font-semibold text-slate-700 dark:text-slate-200">On this day</h2>
        <Link href="/memories" className="text-sm text-sky-700 hover:underline dark:text-sky-300">See all</Link>
      </div>
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {memories.map((memory) => {
          const cover = memory.items.find((i) => i.thumbnails.sm) ?? memory.items[0]!;
          const label = memory.yearsAgo === 1 ? "1 year ago" : `${memory.yearsAgo} years ago`;
          return (
            <li key={memory.year} className="shrink-0">
              <button
                type="button"
                onClick={() => openViewer(memory.items, cover.id)}
                aria-label={`${label}: ${memory.items.length} ${memory.items.length === 1 ? "photo" : "photos"} from ${memory.year}`}
                className="relative block h-40 w-28 overflow-hidden rounded-xl bg-slate-200 focus-visible:outline-4 focus-visible:outline-sky-500 md:h-48 md:w-36 dark:bg-slate-800"
              >
                {cover.thumbnails.sm ? (
                  // The small thumbnail, at high priority: on a phone this card is the largest image of the first screen (Lighthouse's LCP).
                  // eslint-disable-next-line @next/next/no-img-element -- a thumbnail the box already sized; next/image adds nothing here
                  <img src={`/api/assets/${cover.id}/thumbnail?size=sm`} alt="" fetchPriority="high" className="h-full w-full object-cover" draggable={false} />
                ) : null}
                <span className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/70 to-transparent px-2 pb-2 pt-6 text-left text-sm font-semibold text-white">{label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
