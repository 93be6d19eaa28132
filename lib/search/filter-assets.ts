import { type Db, sqlTime } from "@/lib/server/db";

/** Hard filters of a search: an asset must meet every one given. */
export type SearchFilters = {
  from?: Date;
  to?: Date;
  kind?: "photo" | "video" | "document" | "file";
  person?: string;
  place?: string;
  album?: string;
  camera?: string;
  favorite?: boolean;
};

/** Builds the SQL condition (on `Asset a`) for the filters; trashed assets are always out. */
function condition(filters: SearchFilters): { sql: string; params: unknown[] } {
  const parts = [`a."trashedAt" IS NULL`];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filters.from) add(`a."capturedAt" >= ?`, sqlTime(filters.from));
  if (filters.to) add(`a."capturedAt" < ?`, sqlTime(filters.to));
  if (filters.kind) add(`a."kind" = ?`, filters.kind);
  if (filters.favorite !== undefined) add(`a."favorite" = ?`, filters.favorite ? 1 : 0);
  if (filters.person) add(`EXISTS (SELECT 1 FROM "Face" f WHERE f."assetId" = a."id" AND f."personId" = ?)`, filters.person);
  if (filters.album) add(`EXISTS (SELECT 1 FROM "AlbumAsset" x WHERE x."assetId" = a."id" AND x."albumId" = ?)`, filters.album);
  if (filters.place) {
    const place = filters.place.trim().toLowerCase();
    add(
      `EXISTS (SELECT 1 FROM "AssetPlace" p WHERE p."assetId" = a."id" AND (lower(p."city") = ? OR lower(p."region") = ? OR lower(p."country") = ? OR lower(p."countryCode") = ?))`,
      place, place, place, place,
    );
  }
  if (filters.camera) {
    const like = `%${filters.camera.trim().toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    add(`(lower(coalesce(a."make", '') || ' ' || coalesce(a."model", '')) LIKE ? ESCAPE '\\')`, like);
  }
  return { sql: parts.join(" AND "), params };
}

/** True when only the always-on condition (not trashed) applies. */
export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/**
 * The assets a search may return: with filters, the set of ids meeting them; without, a test
 * that only excludes the (few) trashed assets — so an unfiltered search of 100k photos never
 * materialises 100k ids.
 */
export async function allowedAssets(db: Db, filters: SearchFilters): Promise<(assetId: string) => boolean> {
  if (!hasFilters(filters)) {
    const trashed = new Set((await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Asset" WHERE "trashedAt" IS NOT NULL`)).map((r) => r.id));
    return (id) => !trashed.has(id);
  }
  const { sql, params } = condition(filters);
  const ids = new Set((await db.$queryRawUnsafe<{ id: string }[]>(`SELECT a."id" FROM "Asset" a WHERE ${sql}`, ...params)).map((r) => r.id));
  return (id) => ids.has(id);
}

/** Filtered assets newest first (a search with no words): one page by offset. */
export async function listFiltered(db: Db, filters: SearchFilters, offset: number, limit: number): Promise<string[]> {
  const { sql, params } = condition(filters);
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT a."id" FROM "Asset" a WHERE ${sql} ORDER BY a."capturedAt" DESC, a."id" DESC LIMIT ? OFFSET ?`,
    ...params, limit, offset,
  );
  return rows.map((r) => r.id);
}
