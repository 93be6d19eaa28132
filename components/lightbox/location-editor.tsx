"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson } from "../api";
import { buttonClass, inputClass } from "../states";
import { MapPicker } from "./map-picker";

type PlaceMatch = { name: string; region: string | null; country: string | null; latitude: number; longitude: number };

/**
 * Chooses a position: type a town (looked up offline on the box) and pick one, tap the offline
 * map, or enter coordinates. Every way ends in `onPick(latitude, longitude)`.
 */
export function LocationEditor({ initial, onPick }: { initial: { latitude: number; longitude: number } | null; onPick: (latitude: number, longitude: number) => void }) {
  const [query, setQuery] = useState("");
  const [coords, setCoords] = useState(initial ? `${initial.latitude.toFixed(5)}, ${initial.longitude.toFixed(5)}` : "");
  const [error, setError] = useState("");
  const typed = query.trim();
  const places = useQuery({ queryKey: ["place-lookup", typed], queryFn: () => getJson<{ places: PlaceMatch[] }>(`/api/places/lookup?q=${encodeURIComponent(typed)}`), enabled: typed.length >= 2 });
  const submitCoords = () => {
    const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(coords);
    const [latitude, longitude] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) return setError("Write latitude, longitude in degrees, e.g. 38.7223, -9.1393.");
    setError("");
    onPick(latitude, longitude);
  };
  return (
    <div className="space-y-2">
      <label htmlFor="place-query" className="block text-xs text-slate-600 dark:text-slate-300">Type a place</label>
      <input id="place-query" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Town or city" autoComplete="off" className={`${inputClass} w-full`} />
      {typed.length >= 2 && places.data ? (
        places.data.places.length ? (
          <ul aria-label="Places found" className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
            {places.data.places.map((p) => (
              <li key={`${p.latitude},${p.longitude}`}>
                <button type="button" onClick={() => onPick(p.latitude, p.longitude)} className="w-full px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                  <span className="font-medium">{p.name}</span> <span className="text-slate-600 dark:text-slate-300">{[p.region, p.country].filter(Boolean).join(", ")}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">No town by that name.</p>
        )
      ) : null}
      <MapPicker initial={initial} onPick={onPick} />
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submitCoords();
        }}
      >
        <label className="grow text-xs text-slate-600 dark:text-slate-300">
          Or coordinates (latitude, longitude)
          <input value={coords} onChange={(e) => setCoords(e.target.value)} inputMode="decimal" placeholder="38.7223, -9.1393" className={`${inputClass} mt-1 w-full text-slate-900 dark:text-slate-100`} />
        </label>
        <button type="submit" className={buttonClass}>Set position</button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
