import { readConnection } from "@/lib/server/db";

/**
 * The names these assets have in the Files tree under `folder` (and below it; `root`: anywhere):
 * a search limited to a folder shows each file as it is named there, not as it was uploaded. An
 * asset filed twice there gets the first name in byte order. One statement on the read connection.
 */
export function folderEntryNames(databasePath: string, folder: string, assetIds: string[]): Map<string, string> {
  if (assetIds.length === 0) return new Map();
  const under = folder === "root" ? "" : `AND e."folderId" IN (
    WITH RECURSIVE sub(id) AS (SELECT f."id" FROM "Folder" f WHERE f."id" = ? AND f."trashedAt" IS NULL
      UNION SELECT f."id" FROM "Folder" f JOIN sub s ON f."parentId" = s."id" WHERE f."trashedAt" IS NULL)
    SELECT id FROM sub)`;
  const rows = readConnection(databasePath)
    .prepare(`SELECT e."assetId" AS assetId, min(e."name") AS name FROM "FileEntry" e
      WHERE e."trashedAt" IS NULL AND e."assetId" IN (SELECT value FROM json_each(?)) ${under} GROUP BY e."assetId"`)
    .all(JSON.stringify(assetIds), ...(folder === "root" ? [] : [folder])) as { assetId: string; name: string }[];
  return new Map(rows.map((r) => [r.assetId, r.name]));
}
