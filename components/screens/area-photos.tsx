"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson, qs } from "../api";
import { AssetBrowser } from "../grid/asset-browser";
import type { Bounds } from "../map/mercator";
import { ErrorState, GridSkeleton } from "../states";
import type { AssetSummary } from "../types";

/** The photos taken inside a box of the map (newest first, the first 200). */
export function AreaPhotos({ bounds, heading = false }: { bounds: Bounds; heading?: boolean }) {
  const area = useQuery({
    queryKey: ["places", "area", bounds],
    queryFn: () => getJson<{ total: number; items: AssetSummary[] }>(`/api/places/photos${qs({ ...bounds, limit: 200 })}`),
    placeholderData: keepPreviousData,
  });
  if (area.error) return <ErrorState error={area.error} />;
  if (!area.data) return <GridSkeleton count={6} />;
  const { total, items } = area.data;
  return (
    <>
      <p className="px-4 pb-2 text-sm text-slate-600 dark:text-slate-300" data-testid="area-count">
        {heading ? (total === 0 ? "No photos in this part of the map" : `${total === 1 ? "1 photo" : `${total} photos`} in view`) : total === 1 ? "1 photo" : `${total} photos`}
        {total > items.length && ` (the newest ${items.length} shown)`}
      </p>
      {items.length > 0 && <AssetBrowser items={items} />}
    </>
  );
}
