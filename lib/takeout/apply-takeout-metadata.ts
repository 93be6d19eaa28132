import { appendJournal } from "@/lib/journal/append-journal";
import { enqueueJob } from "@/lib/queue/enqueue";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { DbTx } from "@/lib/server/db";
import type { TakeoutSidecar } from "./parse-sidecar";

/**
 * Merges what an export's metadata (a Takeout sidecar, an iCloud CSV row) knows into an asset
 * without overriding what the file's own bytes said: GPS only when the file had none (geoDataExif,
 * then geoData), description, favorite, archived (kept archived), trashed (when imported into the
 * trash), device folder, and people names as unconfirmed hints for face clustering. A later export
 * changes the description, favourite and archived state (either way) only where the owner has not
 * changed them in Albums since the last import (ImportedMetadata remembers what that import said). A position it adds is (re)named by a places
 * job (when places are on). Safe to repeat; returns what it changed, in words, for the report.
 */
export async function applyTakeoutMetadata(db: DbTx, assetId: string, sidecar: TakeoutSidecar, options: { intoTrash: boolean; namePlaces: boolean }): Promise<string[]> {
  const asset = await db.asset.findUnique({ where: { id: assetId }, select: { sha256: true, latitude: true, description: true, origin: true, favorite: true, archived: true, trashedAt: true, imported: true } });
  if (!asset) return [];
  const addsPosition = asset.latitude === null && sidecar.gps !== undefined;
  // A field follows the export only while it still holds what the last import said (nothing, the
  // first time): a value the owner set in Albums since is theirs.
  const last = asset.imported ?? { description: null, favorite: false, archived: false };
  const follows = <T>(current: T, said: T, now: T) => current === said && now !== current;
  const changes = {
    position: addsPosition,
    description: sidecar.description !== undefined && follows(asset.description, last.description, sidecar.description),
    origin: !asset.origin && sidecar.origin !== undefined,
    favourite: sidecar.favorite && follows(asset.favorite, last.favorite, true),
    "no longer favourite": !sidecar.favorite && asset.imported !== null && follows(asset.favorite, last.favorite, false),
    archived: sidecar.archived && follows(asset.archived, last.archived, true),
    unarchived: !sidecar.archived && asset.imported !== null && follows(asset.archived, last.archived, false),
    trashed: options.intoTrash && asset.trashedAt === null,
  };
  await db.asset.update({
    where: { id: assetId },
    data: {
      ...(addsPosition && sidecar.gps ? { latitude: sidecar.gps.latitude, longitude: sidecar.gps.longitude, altitude: sidecar.gps.altitude } : {}),
      ...(changes.description ? { description: sidecar.description } : {}),
      ...(changes.origin ? { origin: sidecar.origin } : {}),
      ...(changes.favourite || changes["no longer favourite"] ? { favorite: sidecar.favorite } : {}),
      ...(changes.archived || changes.unarchived ? { archived: sidecar.archived } : {}),
      ...(changes.trashed ? { trashedAt: new Date() } : {}),
    },
  });
  const remembered = { description: sidecar.description ?? null, favorite: sidecar.favorite, archived: sidecar.archived };
  await db.importedMetadata.upsert({ where: { assetId }, create: { assetId, ...remembered }, update: remembered });
  for (const name of sidecar.people) {
    await db.$executeRaw`INSERT OR IGNORE INTO "AssetPersonHint" ("assetId", "name", "source") VALUES (${assetId}, ${name}, 'takeout')`;
  }
  if (addsPosition && options.namePlaces) await enqueueJob(db, { kind: "places", assetId });
  await markSearchStale(db, [assetId]);
  await appendJournal(db, { op: "asset.takeout", sha256: asset.sha256, sidecar: { description: sidecar.description, gps: sidecar.gps, favorite: sidecar.favorite, archived: sidecar.archived, trashed: sidecar.trashed, people: sidecar.people, origin: sidecar.origin }, ...options });
  return Object.entries(changes).filter(([, changed]) => changed).map(([field]) => field);
}
