import { appendJournal } from "@/lib/journal/append-journal";
import { enqueueJob } from "@/lib/queue/enqueue";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { DbTx } from "@/lib/server/db";
import type { TakeoutSidecar } from "./parse-sidecar";

/**
 * Merges what a sidecar knows into an asset without overriding what the file's own bytes said:
 * GPS only when the file had none (geoDataExif, then geoData), description, favorite, archived
 * (kept archived), trashed (when imported into the trash), device folder, and people names as
 * unconfirmed hints for face clustering. A position it adds is (re)named by a places job (when
 * places are on). Safe to repeat.
 */
export async function applyTakeoutMetadata(db: DbTx, assetId: string, sidecar: TakeoutSidecar, options: { intoTrash: boolean; namePlaces: boolean }): Promise<void> {
  const asset = await db.asset.findUnique({ where: { id: assetId }, select: { sha256: true, latitude: true, description: true, origin: true } });
  if (!asset) return;
  const addsPosition = asset.latitude === null && sidecar.gps !== undefined;
  await db.asset.update({
    where: { id: assetId },
    data: {
      ...(addsPosition && sidecar.gps ? { latitude: sidecar.gps.latitude, longitude: sidecar.gps.longitude, altitude: sidecar.gps.altitude } : {}),
      ...(!asset.description && sidecar.description ? { description: sidecar.description } : {}),
      ...(!asset.origin && sidecar.origin ? { origin: sidecar.origin } : {}),
      ...(sidecar.favorite ? { favorite: true } : {}),
      ...(sidecar.archived ? { archived: true } : {}),
      ...(options.intoTrash ? { trashedAt: new Date() } : {}),
    },
  });
  for (const name of sidecar.people) {
    await db.$executeRaw`INSERT OR IGNORE INTO "AssetPersonHint" ("assetId", "name", "source") VALUES (${assetId}, ${name}, 'takeout')`;
  }
  if (addsPosition && options.namePlaces) await enqueueJob(db, { kind: "places", assetId });
  await markSearchStale(db, [assetId]);
  await appendJournal(db, { op: "asset.takeout", sha256: asset.sha256, sidecar: { description: sidecar.description, gps: sidecar.gps, favorite: sidecar.favorite, archived: sidecar.archived, trashed: sidecar.trashed, people: sidecar.people, origin: sidecar.origin }, ...options });
}
