import { OFFLINE_SQL } from "@/lib/libraries/offline-assets";
import { readConnection } from "@/lib/server/db";
import { toAssetSummary, type AssetSummary } from "./asset-dto";

type Row = {
  id: string; kind: string; originalName: string; mimeType: string; capturedAt: string; width: number | null; height: number | null;
  durationMs: number | null; thumbhash: string | null; decodeState: string; favorite: number; derivatives: string | null;
  rotation: number | null; smEtag: string | null; mdEtag: string | null; offline: number;
};

/**
 * The summaries of these assets that exist and are not in the trash, by id: one SQL statement on
 * the read connection. Search and "similar photos" pages are hot paths where Prisma's query
 * compilation and mapping cost several times the query itself.
 */
export function loadAssetSummaries(databasePath: string, ids: string[]): Map<string, AssetSummary> {
  if (ids.length === 0) return new Map();
  const rows = readConnection(databasePath)
    .prepare(
      `SELECT a."id", a."kind", a."originalName", a."mimeType", a."capturedAt", a."width", a."height", a."durationMs", a."thumbhash", a."decodeState", a."favorite",
         (SELECT group_concat(d."kind") FROM "Derivative" d WHERE d."assetId" = a."id") AS derivatives,
         (SELECT e."rotation" FROM "AssetEdit" e WHERE e."assetId" = a."id") AS rotation,
         (SELECT d."etag" FROM "Derivative" d WHERE d."assetId" = a."id" AND d."kind" = 'thumb-sm') AS smEtag,
         (SELECT d."etag" FROM "Derivative" d WHERE d."assetId" = a."id" AND d."kind" = 'thumb-md') AS mdEtag,
         ${OFFLINE_SQL} AS offline
       FROM json_each(?) j JOIN "Asset" a ON a."id" = j.value WHERE a."trashedAt" IS NULL`,
    )
    .all(JSON.stringify(ids)) as Row[];
  return new Map(
    rows.map((row) => [
      row.id,
      toAssetSummary({
        ...row,
        capturedAt: new Date(row.capturedAt),
        favorite: row.favorite === 1,
        derivatives: (row.derivatives?.split(",") ?? []).map((kind) => ({ kind, etag: (kind === "thumb-sm" ? row.smEtag : kind === "thumb-md" ? row.mdEtag : null) ?? undefined })),
        edit: row.rotation === null ? null : { rotation: Number(row.rotation) },
        offline: row.offline === 1,
      }),
    ]),
  );
}
