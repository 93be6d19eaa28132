"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { getJson, qs } from "../api";
import { AssetBrowser } from "../grid/asset-browser";
import { EgressPin } from "../shell/egress-pin";
import { EmptyState, ErrorState, GridSkeleton, inputClass, primaryButtonClass } from "../states";
import type { AlbumSummary, AssetSummary, PersonSummary, SearchResult } from "../types";
import { MatchList } from "./match-list";
import { FILTER_KEYS, SearchFilters } from "./search-filters";

/** One box, filter chips, a result grid that says why each photo matched, and the "0 cloud calls" pin. */
export function SearchScreen() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q = params.get("q") ?? "";
  const similar = params.get("similar");
  const [text, setText] = useState(q);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const active = Boolean(q || FILTER_KEYS.some((k) => params.get(k)));
  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("similar");
    router.replace(`${pathname}?${next}`);
  };
  const search = useInfiniteQuery({
    queryKey: ["search", q, filters],
    enabled: active && !similar,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => getJson<SearchResult>(`/api/search${qs({ q, ...filters, limit: 60, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const similarQuery = useQuery({ queryKey: ["similar", similar], enabled: Boolean(similar), queryFn: () => getJson<{ items: AssetSummary[] }>(`/api/assets/${similar}/similar`) });
  const people = useQuery({ queryKey: ["people"], queryFn: () => getJson<{ people: PersonSummary[] }>("/api/people") });
  const albums = useQuery({ queryKey: ["albums"], queryFn: () => getJson<{ albums: AlbumSummary[] }>("/api/albums") });
  const pages = search.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const first = pages[0];
  return (
    <div>
      <div className="flex items-center justify-between gap-2 px-4 pt-3">
        <h1 className="text-xl font-semibold">Search</h1>
        <EgressPin />
      </div>
      <form
        role="search"
        className="flex gap-2 px-4 py-3"
        onSubmit={(e) => {
          e.preventDefault();
          setParam({ q: text.trim() || undefined });
        }}
      >
        <label htmlFor="search-box" className="sr-only">Search your photos and documents</label>
        <input id="search-box" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Words in photos, places, people, “beach last summer”…" className={`${inputClass} min-w-0 flex-1 rounded-full px-4`} />
        <button type="submit" className={primaryButtonClass}>Search</button>
      </form>
      <SearchFilters values={filters} onChange={setParam} people={people.data?.people ?? []} albums={albums.data?.albums ?? []} />
      {similar ? (
        similarQuery.error ? (
          <ErrorState error={similarQuery.error} />
        ) : similarQuery.data ? (
          <>
            <p className="px-4 py-2 text-sm text-slate-600 dark:text-slate-300">Photos that look like this one, compared on this box.</p>
            <AssetBrowser items={similarQuery.data.items} />
          </>
        ) : (
          <GridSkeleton />
        )
      ) : !active ? (
        <EmptyState icon="search" title="Search everything on this box">Words printed in photos, file names, places, camera, album titles, named people, captions and document text; date words like “July 2019” become a date filter. Nothing is sent anywhere.</EmptyState>
      ) : search.error ? (
        <ErrorState error={search.error} retry={() => void search.refetch()} />
      ) : !first ? (
        <GridSkeleton />
      ) : items.length === 0 ? (
        <EmptyState icon="search" title="Nothing matched">Try fewer words or remove a filter.</EmptyState>
      ) : (
        <>
          <p className="px-4 py-2 text-sm text-slate-600 dark:text-slate-300" data-testid="search-summary">
            {first.total}{first.nextCursor ? "+" : ""} {first.total === 1 && !first.nextCursor ? "result" : "results"}{first.dateWords ? ` · dates: “${first.dateWords.words}”` : ""} · <span title={first.clip.used ? first.clip.model : first.clip.reason}>{first.clip.used ? "words and look-alikes" : "words only"}</span>
          </p>
          {first.corrections.map((c) => (
            <p key={c.typed} className="px-4 pb-1 text-sm text-slate-600 dark:text-slate-300" data-testid="search-correction">
              Nothing holds “{c.typed}”: showing matches close to it ({c.closeTo.map((w) => `“${w}”`).join(", ")}).
            </p>
          ))}
          <MatchList items={items} corrections={first.corrections} />
          <AssetBrowser items={items} onEnd={search.hasNextPage && !search.isFetchingNextPage ? () => void search.fetchNextPage() : undefined} />
        </>
      )}
    </div>
  );
}
