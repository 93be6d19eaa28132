import type { Db } from "@/lib/server/db";

export type PlaceCount = { name: string; region: string | null; count: number };
export type CountryPlaces = { code: string; name: string; count: number; cities: PlaceCount[] };

/** Every country with photos (not trashed), most photos first, and its towns by count. */
export async function listPlaces(db: Db): Promise<CountryPlaces[]> {
  const rows = await db.$queryRawUnsafe<{ countryCode: string; country: string; city: string | null; region: string | null; n: bigint | number }[]>(
    `SELECT p."countryCode", p."country", p."city", p."region", count(*) AS n
     FROM "AssetPlace" p JOIN "Asset" a ON a."id" = p."assetId"
     WHERE a."trashedAt" IS NULL AND p."countryCode" IS NOT NULL
     GROUP BY p."countryCode", p."country", p."city", p."region"`,
  );
  const countries = new Map<string, CountryPlaces>();
  for (const row of rows) {
    const country = countries.get(row.countryCode) ?? { code: row.countryCode, name: row.country, count: 0, cities: [] };
    country.count += Number(row.n);
    if (row.city) country.cities.push({ name: row.city, region: row.region, count: Number(row.n) });
    countries.set(row.countryCode, country);
  }
  for (const country of countries.values()) country.cities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return [...countries.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
