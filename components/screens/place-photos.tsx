"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getJson, qs } from "../api";
import { AssetBrowser } from "../grid/asset-browser";
import { ErrorState, GridSkeleton } from "../states";
import type { SearchResult } from "../types";

/** The photos of one place (city, region or country), newest first, paged. */
export function PlacePhotos({ place }: { place: string }) {
  const photos = useInfiniteQuery({
    queryKey: ["search", "place", place],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => getJson<SearchResult>(`/api/search${qs({ place, limit: 100, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (photos.error) return <ErrorState error={photos.error} />;
  if (!photos.data) return <GridSkeleton />;
  return <AssetBrowser items={photos.data.pages.flatMap((p) => p.items)} onEnd={photos.hasNextPage && !photos.isFetchingNextPage ? () => void photos.fetchNextPage() : undefined} />;
}
