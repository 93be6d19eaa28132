import type { Db } from "@/lib/server/db";

/**
 * SQL over an Asset aliased `a`: true when its bytes are only in stale libraries — at least one
 * of its library files is in a stale library, none is in an online one, and it never arrived
 * through custody (every name it has came from a library scan; an upload or import of the same
 * bytes keeps a copy in `originals/`). What a tile's "offline" badge shows, without a file stat.
 */
export const OFFLINE_SQL = `(a."fileState" = 'ok'
  AND EXISTS (SELECT 1 FROM "LibraryFile" f JOIN "Library" l ON l."id" = f."libraryId" WHERE f."assetId" = a."id" AND f."missingSince" IS NULL AND l."state" = 'stale')
  AND NOT EXISTS (SELECT 1 FROM "LibraryFile" f JOIN "Library" l ON l."id" = f."libraryId" WHERE f."assetId" = a."id" AND f."missingSince" IS NULL AND l."state" = 'online')
  AND NOT EXISTS (SELECT 1 FROM "AssetName" n WHERE n."assetId" = a."id" AND n."source" <> 'library'))`;

/** Which of these assets are offline (OFFLINE_SQL): one statement for a page of tiles. */
export async function offlineAssetIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT a."id" FROM json_each(?) j JOIN "Asset" a ON a."id" = j.value WHERE ${OFFLINE_SQL}`, JSON.stringify(ids));
  return new Set(rows.map((r) => r.id));
}
