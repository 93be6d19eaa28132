import { readConnection, sqlTime } from "@/lib/server/db";

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
  /** In this folder of the Files tree or below it (a live file entry there); `root`: anywhere in Files. */
  folder?: string;
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
  if (filters.folder === "root") add(`EXISTS (SELECT 1 FROM "FileEntry" e WHERE e."assetId" = a."id" AND e."trashedAt" IS NULL)`);
  else if (filters.folder) {
    add(
      `EXISTS (SELECT 1 FROM "FileEntry" e WHERE e."assetId" = a."id" AND e."trashedAt" IS NULL AND e."folderId" IN (
        WITH RECURSIVE sub(id) AS (SELECT f."id" FROM "Folder" f WHERE f."id" = ? AND f."trashedAt" IS NULL
          UNION SELECT f."id" FROM "Folder" f JOIN sub s ON f."parentId" = s."id" WHERE f."trashedAt" IS NULL)
        SELECT id FROM sub))`,
      filters.folder,
    );
  }
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
export function allowedAssets(databasePath: string, filters: SearchFilters): (assetId: string) => boolean {
  const reader = readConnection(databasePath);
  if (!hasFilters(filters)) {
    // SQLite's planner would scan the table for IS NOT NULL; the index makes it ~0.1 ms at 100k.
    const trashed = new Set(reader.prepare(`SELECT "id" FROM "Asset" INDEXED BY "Asset_trashedAt_idx" WHERE "trashedAt" IS NOT NULL`).pluck().all() as string[]);
    return (id) => !trashed.has(id);
  }
  const { sql, params } = condition(filters);
  const ids = new Set(reader.prepare(`SELECT a."id" FROM "Asset" a WHERE ${sql}`).pluck().all(...params) as string[]);
  return (id) => ids.has(id);
}

/** Filtered assets newest first (a search with no words): one page by offset. */
export function listFiltered(databasePath: string, filters: SearchFilters, offset: number, limit: number): string[] {
  const { sql, params } = condition(filters);
  const statement = readConnection(databasePath).prepare(`SELECT a."id" FROM "Asset" a WHERE ${sql} ORDER BY a."capturedAt" DESC, a."id" DESC LIMIT ? OFFSET ?`);
  return statement.pluck().all(...params, limit, offset) as string[];
}
