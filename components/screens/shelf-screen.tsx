"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { sendJson } from "../api";
import { ScreenHeader, buttonClass } from "../states";
import { MemoriesStrip, useTodaysMemories, type InitialMemories } from "../timeline/memories-strip";
import type { FirstScreenData } from "../timeline/first-screen";
import { memoryCards } from "../timeline/memory-cards";
import { Timeline } from "../timeline/timeline";
import type { ShelfView } from "../types";

const TITLES: Record<ShelfView, string> = { timeline: "Photos", favorites: "Favorites", archive: "Archive", trash: "Trash" };

/** Photos, Favorites, Archive and Trash: one timeline each (Photos with "On this day" above it); the trash explains its rule and can be emptied. */
export function ShelfScreen({ view, trashDays, memories, first }: { view: ShelfView; trashDays?: number; /** Photos: today's memories, answered by the server with the page. */ memories?: InitialMemories; /** Photos: the newest page, read by the server with the page. */ first?: FirstScreenData }) {
  return (
    <>
      <ScreenHeader title={TITLES[view]}>{view === "trash" ? <EmptyTrash /> : null}</ScreenHeader>
      {trashDays !== undefined ? <TrashRule trashDays={trashDays} /> : null}
      {view === "timeline" ? <PhotosTimeline initial={memories} first={first} /> : <Timeline view={view} />}
    </>
  );
}

/** The Photos home: today's memories above the timeline (their cards in the page's first HTML when the server answered them). */
function PhotosTimeline({ initial, first }: { initial: InitialMemories | undefined; first: FirstScreenData | undefined }) {
  const { query, tz, cards } = useTodaysMemories(initial);
  const shown = useMemo(() => cards ?? memoryCards(query.data?.memories ?? []), [cards, query.data]);
  // Held only until the memories' first answer (or the server's cards): a failure (the box out of
  // reach) never keeps the timeline, kept by the service worker, behind a skeleton while the query retries.
  return <Timeline view="timeline" header={<MemoriesStrip cards={shown} tz={tz} />} holding={!cards && query.isPending && query.failureCount === 0} first={first} />;
}

/** The purge rule, from the server's configuration (passed by the page: no request needed). */
function TrashRule({ trashDays }: { trashDays: number }) {
  return (
    <p className="px-4 pb-2 text-sm text-slate-600 dark:text-slate-300">
      {trashDays > 0 ? `Items are deleted for good ${trashDays} days after they were trashed (ALBUMS_TRASH_DAYS).` : "Items stay here until you empty the trash (ALBUMS_TRASH_DAYS=0)."} An original file is removed only when nothing else in the library uses it.
    </p>
  );
}

function EmptyTrash() {
  const client = useQueryClient();
  return (
    <button
      type="button"
      className={buttonClass}
      onClick={async () => {
        if (!confirm("Delete everything in the trash for good?")) return;
        await sendJson("DELETE", "/api/trash", { all: true });
        await client.invalidateQueries();
      }}
    >
      Empty trash
    </button>
  );
}
