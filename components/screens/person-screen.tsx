"use client";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { getJson, qs, sendJson } from "../api";
import { AssetBrowser } from "../grid/asset-browser";
import { buttonClass, ErrorState, GridSkeleton, inputClass, primaryButtonClass } from "../states";
import type { PersonSummary, SearchResult } from "../types";
import { useAnnounce } from "../lightbox/viewer-host";
import { FaceCrop } from "./face-crop";
import { MergePeopleDialog } from "./merge-people-dialog";

/** One person: name them, hide them, merge them into someone else; their photos below (fix a face from the lightbox's details). */
export function PersonScreen({ id }: { id: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const people = useQuery({ queryKey: ["people", true], queryFn: () => getJson<{ people: PersonSummary[] }>("/api/people?hidden=1") });
  const photos = useInfiniteQuery({
    queryKey: ["search", "person", id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => getJson<SearchResult>(`/api/search${qs({ person: id, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const person = people.data?.people.find((p) => p.id === id);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [mergeInto, setMergeInto] = useState<PersonSummary | null>(null);
  const announce = useAnnounce();
  if (people.error) return <ErrorState error={people.error} />;
  if (!people.data) return <GridSkeleton />;
  if (!person) return <ErrorState error={new Error("This person no longer exists (merged or emptied).")} retry={() => router.push("/people")} />;
  const change = async (body: Record<string, unknown>, message: string) => {
    await sendJson("PATCH", `/api/people/${id}`, body);
    setStatus(message);
    await client.invalidateQueries();
  };
  const items = photos.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="flex flex-wrap items-center gap-4 px-4 py-4">
        {person.cover ? <FaceCrop cover={person.cover} /> : null}
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void change({ name: (name ?? person.name ?? "").trim() || null }, "Name saved.");
          }}
        >
          <h1 className="sr-only">{person.name ?? "Unnamed person"}</h1>
          <label htmlFor="person-name" className="sr-only">Name</label>
          <input id="person-name" value={name ?? person.name ?? ""} onChange={(e) => setName(e.target.value)} placeholder="Add a name" className={`${inputClass} text-lg font-semibold`} />
          <button type="submit" className={primaryButtonClass}>Save name</button>
          {person.nameSource === "takeout" && person.name ? (
            <p className="flex w-full items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
              Name from Google Takeout.
              <button type="button" className={buttonClass} onClick={() => void change({ name: null }, "Takeout name removed.")}>Remove it</button>
            </p>
          ) : null}
        </form>
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={buttonClass} onClick={() => void change({ hidden: !person.hidden }, person.hidden ? "Shown again." : "Hidden from People and search.")}>
            {person.hidden ? "Show" : "Hide"}
          </button>
          <label htmlFor="merge-into" className="sr-only">Merge into</label>
          <select
            id="merge-into"
            value=""
            className={`${inputClass} rounded-full py-1.5`}
            onChange={(e) => setMergeInto(people.data.people.find((p) => p.id === e.target.value) ?? null)}
          >
            <option value="">Same person as…</option>
            {people.data.people.filter((p) => p.id !== id).map((p) => (
              <option key={p.id} value={p.id}>{p.name ?? `Unnamed (${p.photos} photos)`}</option>
            ))}
          </select>
        </div>
        {mergeInto ? (
          <MergePeopleDialog
            from={person}
            into={mergeInto}
            onDone={async (confirmed) => {
              const into = mergeInto;
              setMergeInto(null);
              if (!confirmed) return;
              try {
                const { undo } = await sendJson<{ undo: unknown }>("POST", `/api/people/${id}/merge`, { into: into.id });
                router.push(`/people/${into.id}`);
                await client.invalidateQueries();
                announce({
                  message: `Merged into ${into.name ?? "the other person"}.`,
                  undo: async () => {
                    await sendJson("POST", "/api/people/restore", undo);
                    router.push(`/people/${id}`);
                    return "Merge undone.";
                  },
                });
              } catch (error) {
                setStatus(`Not merged: ${(error as Error).message}`);
              }
            }}
          />
        ) : null}
        <p role="status" className="w-full text-sm text-slate-600 dark:text-slate-300">{status || `${person.photos} photos · open a photo and use Details → People to fix a wrong face.`}</p>
      </div>
      {photos.error ? <ErrorState error={photos.error} /> : !photos.data ? <GridSkeleton /> : <AssetBrowser items={items} onEnd={photos.hasNextPage && !photos.isFetchingNextPage ? () => void photos.fetchNextPage() : undefined} />}
    </>
  );
}
