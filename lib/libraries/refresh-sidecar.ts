import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db } from "@/lib/server/db";
import { readXmpSidecar } from "./read-xmp-sidecar";

/** The stamp of rows indexed before sidecars were stamped (the column's default). */
const UNSTAMPED = "?";

/**
 * A library photo's XMP sidecar changed, appeared or went while the photo did not: its facts are
 * read again and win as at first sight — description, rating, capture time and GPS (those two
 * only where the owner has not edited them in Albums) — and the file's row remembers the
 * sidecar's stamp (`was` → `stamp`). A sidecar gone leaves what it said; a row indexed before
 * sidecars were stamped only takes the stamp (its sidecar was read then). Reads the sidecar, never writes it.
 */
export async function refreshSidecar(db: Db, assetId: string, file: string, row: { rowId: number; was: string | null; stamp: string | null }): Promise<void> {
  const facts = row.stamp && row.was !== UNSTAMPED ? await readXmpSidecar(file) : null;
  await db.$transaction(async (tx) => {
    const asset = await tx.asset.findUnique({ where: { id: assetId }, select: { metadataJson: true, edit: { select: { capturedAt: true, latitude: true } } } });
    if (asset && facts) {
      const edit = asset.edit;
      const metadata = asset.metadataJson ? (JSON.parse(asset.metadataJson) as object) : {};
      await tx.asset.update({
        where: { id: assetId },
        data: {
          ...(facts.description ? { description: facts.description } : {}),
          ...(facts.capturedAt && !edit?.capturedAt ? { capturedAt: facts.capturedAt, capturedAtSource: "xmp", timeZone: facts.timeZone ?? null } : {}),
          ...(facts.latitude !== undefined && facts.longitude !== undefined && (edit?.latitude ?? null) === null ? { latitude: facts.latitude, longitude: facts.longitude } : {}),
          ...(facts.rating !== undefined ? { metadataJson: JSON.stringify({ ...metadata, sidecar: { rating: facts.rating } }) } : {}),
        },
      });
      await markSearchStale(tx, [assetId]);
    }
    await tx.libraryFile.update({ where: { id: row.rowId }, data: { sidecarStamp: row.stamp } });
  });
}
