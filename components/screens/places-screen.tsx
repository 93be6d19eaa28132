"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson } from "../api";
import { EmptyState, ErrorState, GridSkeleton, ScreenHeader, buttonClass } from "../states";
import type { CountryPlaces } from "../types";
import { PlacePhotos } from "./place-photos";

/** Countries → cities with photo counts (a list: no map data ships with the box); pick one to see its photos. */
export function PlacesScreen() {
  const { data, error, refetch } = useQuery({ queryKey: ["places"], queryFn: () => getJson<{ countries: CountryPlaces[] }>("/api/places") });
  const [place, setPlace] = useState<string | null>(null);
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
  return (
    <>
      <ScreenHeader title="Places" />
      <p className="px-4 pb-3 text-sm text-slate-600 dark:text-slate-300">A list rather than a map: no map tiles are installed on this box, and nothing is fetched from the internet. Places come from each photo’s GPS position, looked up offline.</p>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <GridSkeleton count={6} />
      ) : data.countries.length === 0 ? (
        <EmptyState icon="place" title="No places yet">Photos with a GPS position appear here by country and city once the worker has placed them.</EmptyState>
      ) : (
        <ul className="space-y-4 px-4 pb-8" aria-label="Countries">
          {data.countries.map((country) => (
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
      )}
    </>
  );
}
