import type { Db } from "@/lib/server/db";
import type { AlbumSort, AlbumSummary } from "./album-dto";

type Row = { id: string; title: string; description: string | null; sort: string; source: string; coverAssetId: string | null; updatedAt: string; n: bigint | number; first: string | null; last: string | null; newest: string | null };

/**
 * Every album, most recently changed first, with its photo count (trashed photos not counted),
 * date span and cover. One grouped query, whatever the number of albums.
 */
export async function listAlbums(db: Db): Promise<AlbumSummary[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT al."id", al."title", al."description", al."sort", al."source", al."updatedAt",
            CASE WHEN EXISTS (SELECT 1 FROM "AlbumAsset" c JOIN "Asset" ca ON ca."id" = c."assetId" WHERE c."albumId" = al."id" AND c."assetId" = al."coverAssetId" AND ca."trashedAt" IS NULL) THEN al."coverAssetId" END AS "coverAssetId",
            count(a."id") AS n, min(a."capturedAt") AS first, max(a."capturedAt") AS last,
            (SELECT x."assetId" FROM "AlbumAsset" x JOIN "Asset" xa ON xa."id" = x."assetId" WHERE x."albumId" = al."id" AND xa."trashedAt" IS NULL ORDER BY xa."capturedAt" DESC LIMIT 1) AS newest
     FROM "Album" al
     LEFT JOIN "AlbumAsset" m ON m."albumId" = al."id"
     LEFT JOIN "Asset" a ON a."id" = m."assetId" AND a."trashedAt" IS NULL
     GROUP BY al."id" ORDER BY al."updatedAt" DESC`,
  );
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, sort: r.sort as AlbumSort, source: r.source,
    count: Number(r.n), coverAssetId: r.coverAssetId ?? r.newest, from: r.first ? toIso(r.first) : null, to: r.last ? toIso(r.last) : null,
    updatedAt: toIso(r.updatedAt),
  }));
}

function toIso(value: string | number): string {
  return new Date(value).toISOString();
}
