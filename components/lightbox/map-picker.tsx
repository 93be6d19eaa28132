"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import type { PlaceName } from "@/lib/places/reverse-geocode";
import { getJson } from "../api";
import { primaryButtonClass } from "../states";

// The map (and its country shapes) loads only when a place is being picked.
const PhotoMap = dynamic(() => import("../map/photo-map").then((m) => m.PhotoMap), { ssr: false, loading: () => <div className="h-56 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" /> });

type Position = { latitude: number; longitude: number };

/**
 * Picks a position on the offline map: a tap drops a pin, the box names the place there (town,
 * region, country, as the photo will be named) and "Use this place" hands it to `onPick`.
 */
export function MapPicker({ initial, onPick }: { initial: Position | null; onPick: (latitude: number, longitude: number) => void }) {
  const [picked, setPicked] = useState<Position | null>(null);
  const place = useQuery({
    queryKey: ["place-at", picked?.latitude, picked?.longitude],
    queryFn: () => getJson<{ place: PlaceName }>(`/api/places/at?lat=${picked!.latitude}&lon=${picked!.longitude}`),
    enabled: picked !== null,
  });
  const named = place.data ? [place.data.place.city, place.data.place.region, place.data.place.country].filter(Boolean).join(", ") : null;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600 dark:text-slate-300">Or tap the map where it was taken</p>
      <PhotoMap marker={picked ?? initial} onPick={(latitude, longitude) => setPicked({ latitude, longitude })} heightClass="h-56" />
      {picked ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="picked-place">
          <p role="status" className="grow text-sm">
            {place.isError ? "The place could not be looked up." : named === null ? "Looking up the place…" : named || "No town or country here."}{" "}
            <span className="text-slate-600 dark:text-slate-300">({picked.latitude.toFixed(4)}, {picked.longitude.toFixed(4)})</span>
          </p>
          <button type="button" className={primaryButtonClass} onClick={() => onPick(picked.latitude, picked.longitude)}>Use this place</button>
        </div>
      ) : null}
    </div>
  );
}
