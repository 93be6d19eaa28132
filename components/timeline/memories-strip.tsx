"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useHydrated } from "../use-hydrated";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import { useOpenViewer } from "../lightbox/viewer-host";
import type { Memory } from "../types";

export type TodaysMemories = { date: string; memories: Memory[] };

/** The server's answer for today's memories, at the UTC offset it took for the viewer's (the `albums-tz` cookie, else its own). */
export type InitialMemories = { tz: number; answer: TodaysMemories };

/**
 * Today's "On this day" memories (the Memories screen shares the query). With the server's answer
 * the first render (and hydration) uses it at once; the viewer's real offset replaces the server's
 * guess after hydration, and only a wrong guess costs a request.
 */
export function useTodaysMemories(initial?: InitialMemories) {
  const tz = useHydrated() || !initial ? tzOffset() : initial.tz;
  return useQuery({
    queryKey: ["memories", undefined, tz],
    queryFn: () => getJson<TodaysMemories>(`/api/memories${qs({ tz })}`),
    staleTime: 10 * 60_000,
    initialData: initial && initial.tz === tz ? initial.answer : undefined,
  });
}

/**
 * "On this day" above the Photos timeline: a card per earlier year with photos from around today,
 * opening that year's photos in the viewer; nothing at all on a day without memories.
 */
export function MemoriesStrip({ answer }: { answer: TodaysMemories | undefined }) {
  const openViewer = useOpenViewer();
  const memories = answer?.memories.filter((m) => m.items.length > 0) ?? [];
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
                  <img src={`/api/assets/${cover.id}/thumbnail?size=sm${cover.thumbnailVersion ? `&v=${cover.thumbnailVersion}` : ""}`} alt="" fetchPriority="high" className="h-full w-full object-cover" draggable={false} />
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
