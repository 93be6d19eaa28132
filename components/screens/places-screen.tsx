"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { getJson } from "../api";
import type { Bounds } from "../map/mercator";
import type { PhotoPoint } from "../map/photo-clusters";
import { EmptyState, ErrorState, GridSkeleton, ScreenHeader, buttonClass } from "../states";
import type { CountryPlaces } from "../types";
import { AreaPhotos } from "./area-photos";
import { PlacePhotos } from "./place-photos";

// The map's code and its country shapes load only on this screen.
const PhotoMap = dynamic(() => import("../map/photo-map").then((m) => m.PhotoMap), { ssr: false, loading: () => <div className="h-[55vh] min-h-72 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" /> });

/**
 * Where photos were taken: a map drawn on the box's own page (clusters with counts; zooming in
 * lists the photos in view, tapping a cluster opens its photos), and below it the countries and
 * their towns as a list.
 */
export function PlacesScreen() {
  const places = useQuery({ queryKey: ["places"], queryFn: () => getJson<{ countries: CountryPlaces[] }>("/api/places") });
  const points = useQuery({ queryKey: ["places", "points"], queryFn: () => getJson<{ points: PhotoPoint[] }>("/api/places/points") });
  const [place, setPlace] = useState<string | null>(null);
  const [area, setArea] = useState<{ bounds: Bounds; opened: boolean } | null>(null);
  const onView = useCallback((bounds: Bounds) => setArea((a) => (a?.opened ? a : { bounds, opened: false })), []);
  if (place) {
    return (
      <>
        <ScreenHeader title={place}>
          <button type="button" className={buttonClass} onClick={() => setPlace(null)}>All places</button>
        </ScreenHeader>
        <PlacePhotos place={place} />
      </>
    );
  }
  if (area?.opened) {
    return (
      <>
        <ScreenHeader title="Photos here">
          <button type="button" className={buttonClass} onClick={() => setArea(null)}>Back to the map</button>
        </ScreenHeader>
        <AreaPhotos bounds={area.bounds} />
      </>
    );
  }
  const error = places.error ?? points.error;
  return (
    <>
      <ScreenHeader title="Places" />
      {error ? (
        <ErrorState error={error} retry={() => void Promise.all([places.refetch(), points.refetch()])} />
      ) : !places.data || !points.data ? (
        <GridSkeleton count={6} />
      ) : places.data.countries.length === 0 && points.data.points.length === 0 ? (
        <EmptyState icon="place" title="No places yet">Photos with a GPS position appear here on the map once the worker has placed them.</EmptyState>
      ) : (
        <>
          <div className="px-4">
            <PhotoMap points={points.data.points} onView={onView} onOpen={(bounds) => setArea({ bounds, opened: true })} />
          </div>
          {area && (
            <section aria-label="Photos in view" className="pt-3">
              <AreaPhotos bounds={area.bounds} heading />
            </section>
          )}
          <h2 className="px-4 pb-2 pt-6 text-lg font-semibold">Countries and towns</h2>
          <ul className="space-y-4 px-4 pb-8" aria-label="Countries">
            {places.data.countries.map((country) => (
              <li key={country.code} className="rounded-xl border border-slate-200 p-3 dark:border-slate-700">
                <button type="button" onClick={() => setPlace(country.name)} className="flex w-full items-baseline justify-between text-left font-semibold hover:underline">
                  <span>{country.name}</span>
                  <span className="text-sm font-normal text-slate-600 dark:text-slate-300">{country.count} photos</span>
                </button>
                <ul className="mt-2 flex flex-wrap gap-2" aria-label={`Cities in ${country.name}`}>
                  {country.cities.map((city) => (
                    <li key={`${city.name}-${city.region}`}>
                      <button type="button" onClick={() => setPlace(city.name)} className="rounded-full bg-slate-100 px-3 py-1 text-sm hover:bg-slate-200 dark:bg-slate-800 dark:hover:bg-slate-700">
                        {city.name} <span className="text-slate-600 dark:text-slate-300">· {city.count}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
