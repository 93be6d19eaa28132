"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useHydrated } from "../use-hydrated";
import { getJson, qs } from "../api";
import { tzOffset } from "../format";
import { smallThumbnailUrl } from "../grid/thumbnail-url";
import { useOpenViewer } from "../lightbox/viewer-host";
import type { Memory } from "../types";
import type { MemoryCard } from "./memory-cards";

export type TodaysMemories = { date: string; memories: Memory[] };

/** The server's cards of today's memories, at the UTC offset it took for the viewer's (the `albums-tz` cookie, else its own). */
export type InitialMemories = { tz: number; cards: MemoryCard[] };

const todaysMemories = (tz: number) => ({
  queryKey: ["memories", undefined, tz],
  queryFn: () => getJson<TodaysMemories>(`/api/memories${qs({ tz })}`),
  staleTime: 10 * 60_000,
});

/**
 * Today's "On this day" memories (the Memories screen shares the query) at the viewer's offset: the
 * server's guess while hydrating, the browser's own from then on; `initial` (the server's cards)
 * stands in at that offset until the answer arrives.
 */
export function useTodaysMemories(initial?: InitialMemories) {
  const tz = useHydrated() || !initial ? tzOffset() : initial.tz;
  const query = useQuery(todaysMemories(tz));
  return { query, tz, cards: initial && initial.tz === tz && !query.data ? initial.cards : undefined };
}

/**
 * "On this day" above the Photos timeline: a card per earlier year with photos from around today,
 * opening that year's photos in the viewer (the answer at `tz`, waited for when only the server's
 * cards are there yet); nothing at all on a day without memories.
 */
export function MemoriesStrip({ cards, tz }: { cards: MemoryCard[]; tz: number }) {
  const openViewer = useOpenViewer();
  const client = useQueryClient();
  if (cards.length === 0) return null;
  const open = async (card: MemoryCard) => {
    const answer = await client.fetchQuery(todaysMemories(tz)).catch(() => undefined);
    openViewer(answer?.memories.find((m) => m.year === card.year)?.items ?? [card.cover], card.cover.id);
  };
  return (
    <section aria-labelledby="memories-strip-title" className="px-3 pb-2 md:px-4" data-testid="memories-strip">
      <div className="flex items-baseline justify-between pb-2">
        <h2 id="memories-strip-title" className="text-sm font-semibold text-slate-700 dark:text-slate-200">On this day</h2>
        <Link href="/memories" className="text-sm text-sky-700 hover:underline dark:text-sky-300">See all</Link>
      </div>
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {cards.map((card) => {
          const label = card.yearsAgo === 1 ? "1 year ago" : `${card.yearsAgo} years ago`;
          return (
            <li key={card.year} className="shrink-0">
              <button
                type="button"
                onClick={() => void open(card)}
                aria-label={`${label}: ${card.count} ${card.count === 1 ? "photo" : "photos"} from ${card.year}`}
                className="relative block h-40 w-28 overflow-hidden rounded-xl bg-slate-200 focus-visible:outline-4 focus-visible:outline-sky-500 md:h-48 md:w-36 dark:bg-slate-800"
              >
                {card.cover.thumbnails.sm ? (
                  // The small thumbnail, at high priority: on a phone this card is the largest image of the first screen (Lighthouse's LCP).
                  // eslint-disable-next-line @next/next/no-img-element -- a thumbnail the box already sized; next/image adds nothing here
                  <img src={smallThumbnailUrl(card.cover)} alt="" fetchPriority="high" className="h-full w-full object-cover" draggable={false} />
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
