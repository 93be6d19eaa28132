import { applyAssetEdit } from "@/lib/assets/apply-asset-edit";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import { sqlTime, type DbTx } from "@/lib/server/db";
import { applyTakeoutMetadata } from "@/lib/takeout/apply-takeout-metadata";
import { rememberNotDuplicates } from "@/lib/duplicates/remember-not-duplicates";
import { applyFilesJournal } from "@/lib/files/apply-files-journal";
import { ensurePerson, pinFaces } from "./face-refs";
import { RECOVERED_SOURCE, type JournalOp } from "./journal-entry";

/**
 * Applies one decision to the database, idempotently: applying it again, or after the database
 * already has it, changes nothing. Assets it names that the library does not hold are skipped.
 * `at` is when the decision was made (trash dates, album membership dates). Call it inside
 * withoutJournal (a replayed decision is not journaled again).
 */
export async function applyJournalEntry(tx: DbTx, op: JournalOp, at: Date): Promise<void> {
  switch (op.op) {
    case "asset.ingest":
      return applyIngest(tx, op, at);
    case "files.folder":
    case "files.entry":
    case "files.versions":
    case "files.purge":
      return applyFilesJournal(tx, op, at);
    case "asset.update": {
      const ids = await idsOf(tx, op.sha256s);
      await tx.asset.updateMany({
        where: { id: { in: ids } },
        data: {
          ...(op.favorite !== undefined ? { favorite: op.favorite } : {}),
          ...(op.archived !== undefined ? { archived: op.archived } : {}),
          ...(op.trashed !== undefined ? { trashedAt: op.trashed ? at : null } : {}),
          ...(op.description !== undefined ? { description: op.description } : {}),
        },
      });
      if (op.description !== undefined) await markSearchStale(tx, ids);
      return;
    }
    case "asset.purge": {
      const ids = (await tx.asset.findMany({ where: { sha256: { in: op.sha256s }, trashedAt: { not: null } }, select: { id: true } })).map((a) => a.id);
      await tx.asset.deleteMany({ where: { id: { in: ids } } });
      return markSearchStale(tx, ids);
    }
    case "asset.takeout": {
      const [id] = await idsOf(tx, [op.sha256]);
      if (id) await applyTakeoutMetadata(tx, id, op.sidecar, { intoTrash: op.intoTrash, namePlaces: op.namePlaces });
      return;
    }
    case "asset.folder":
      await tx.asset.updateMany({ where: { sha256: op.sha256 }, data: { folder: op.folder } });
      return;
    case "asset.edited-from": {
      const [fromId] = await idsOf(tx, [op.fromSha256]);
      if (fromId) await tx.asset.updateMany({ where: { sha256: op.sha256 }, data: { editedFromId: fromId } });
      return;
    }
    case "asset.edit": {
      const [id] = await idsOf(tx, [op.sha256]);
      if (id) await applyAssetEdit(tx, id, { rotation: op.rotation, capture: op.capture, location: op.location });
      return;
    }
    case "asset.live-pair": {
      const [stillId, videoId] = await Promise.all([idsOf(tx, [op.sha256]), idsOf(tx, [op.videoSha256])]);
      if (stillId[0] && videoId[0]) await tx.$executeRaw`INSERT OR IGNORE INTO "LivePhotoPair" ("stillId", "videoId") VALUES (${stillId[0]}, ${videoId[0]})`;
      return;
    }
    case "album.create": {
      if (await tx.album.findUnique({ where: { id: op.id }, select: { id: true } })) return;
      if (op.sourceKey && (await tx.album.findUnique({ where: { sourceKey: op.sourceKey }, select: { id: true } }))) return;
      await tx.album.create({
        data: { id: op.id, title: op.title, description: op.description, source: op.source ?? "user", sourceKey: op.sourceKey ?? null, date: op.date ? new Date(op.date) : null, createdAt: at },
      });
      return addMembers(tx, op.id, op.sha256s, at);
    }
    case "album.update": {
      if (!(await tx.album.findUnique({ where: { id: op.id }, select: { id: true } }))) return;
      const cover = op.coverSha256 ? (await idsOf(tx, [op.coverSha256]))[0] : undefined;
      await tx.album.update({
        where: { id: op.id },
        data: {
          ...(op.title !== undefined ? { title: op.title } : {}),
          ...(op.description !== undefined ? { description: op.description } : {}),
          ...(op.coverSha256 !== undefined ? { coverAssetId: cover ?? null } : {}),
          ...(op.sort !== undefined ? { sort: op.sort } : {}),
        },
      });
      if (op.title !== undefined) await markSearchStale(tx, (await tx.albumAsset.findMany({ where: { albumId: op.id }, select: { assetId: true } })).map((m) => m.assetId));
      return;
    }
    case "album.delete":
      await tx.album.deleteMany({ where: { id: op.id } });
      return;
    case "album.add":
      if (await tx.album.findUnique({ where: { id: op.id }, select: { id: true } })) await addMembers(tx, op.id, op.sha256s, at);
      return;
    case "album.remove": {
      const ids = await idsOf(tx, op.sha256s);
      await tx.albumAsset.deleteMany({ where: { albumId: op.id, assetId: { in: ids } } });
      await tx.album.updateMany({ where: { id: op.id, coverAssetId: { in: ids } }, data: { coverAssetId: null } });
      return markSearchStale(tx, ids);
    }
    case "person.update":
      await ensurePerson(tx, op.id);
      // A journaled name (or removal) is the owner's: Takeout names never replace it (name-people-from-takeout.ts).
      await tx.person.update({ where: { id: op.id }, data: { ...(op.name !== undefined ? { name: op.name, nameSource: "owner" } : {}), ...(op.hidden !== undefined ? { hidden: op.hidden } : {}) } });
      return pinFaces(tx, op.faces, op.id);
    case "person.merge": {
      await ensurePerson(tx, op.into);
      await pinFaces(tx, op.faces, op.into);
      const [from, into] = await Promise.all([tx.person.findUnique({ where: { id: op.from } }), tx.person.findUnique({ where: { id: op.into } })]);
      if (from) {
        await tx.face.updateMany({ where: { personId: op.from }, data: { personId: op.into, pinned: true } });
        if (!into?.name && from.name) await tx.person.update({ where: { id: op.into }, data: { name: from.name } });
        await tx.person.delete({ where: { id: op.from } });
      }
      return;
    }
    case "face.move":
      return pinFaces(tx, [op.face], op.personId);
    case "duplicates.dismiss":
      return rememberNotDuplicates(tx, op.sha256s);
    case "library.add":
      // Its files come back with its next scan (their decisions with them: apply-arrivals.ts).
      if (!(await tx.library.findFirst({ where: { OR: [{ id: op.id }, { root: op.root }] }, select: { id: true } }))) {
        await tx.library.create({ data: { id: op.id, root: op.root, origin: op.origin, scanRequested: true, createdAt: at } });
      }
      return;
    case "library.remove":
      await tx.library.deleteMany({ where: { id: op.id } });
      return;
  }
}

/**
 * A name the original arrived under. An asset adopted from disk (source `recovered`) takes back
 * its first real name, source, date added and a capture time the bytes could not tell; a later
 * arrival of the same bytes brings it out of a trash it was in before.
 */
async function applyIngest(tx: DbTx, op: Extract<JournalOp, { op: "asset.ingest" }>, at: Date): Promise<void> {
  const asset = await tx.asset.findUnique({ where: { sha256: op.sha256 }, select: { id: true, source: true, trashedAt: true } });
  // An adoption's own entry adds nothing to an asset whose real name is known.
  if (!asset || (op.source === RECOVERED_SOURCE && asset.source !== RECOVERED_SOURCE)) return;
  await tx.$executeRaw`INSERT OR IGNORE INTO "AssetName" ("assetId", "name", "source", "createdAt") VALUES (${asset.id}, ${op.name}, ${op.source}, ${sqlTime(at)})`;
  const reclaim = asset.source === RECOVERED_SOURCE && op.source !== RECOVERED_SOURCE;
  if (reclaim) await tx.assetName.deleteMany({ where: { assetId: asset.id, source: RECOVERED_SOURCE } });
  await tx.asset.update({
    where: { id: asset.id },
    data: {
      ...(reclaim ? { originalName: op.name, source: op.source, createdAt: at } : {}),
      ...(op.capturedAt ? { capturedAt: new Date(op.capturedAt), capturedAtSource: op.capturedAtSource!, timeZone: op.timeZone ?? null } : {}),
      ...(asset.trashedAt && asset.trashedAt <= at ? { trashedAt: null } : {}),
    },
  });
  await markSearchStale(tx, [asset.id]);
}

async function addMembers(tx: DbTx, albumId: string, sha256s: string[], at: Date): Promise<void> {
  const ids = await idsOf(tx, sha256s);
  for (const assetId of ids) await tx.$executeRaw`INSERT OR IGNORE INTO "AlbumAsset" ("albumId", "assetId", "addedAt") VALUES (${albumId}, ${assetId}, ${sqlTime(at)})`;
  await markSearchStale(tx, ids);
}

async function idsOf(tx: DbTx, sha256s: string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  return (await tx.asset.findMany({ where: { sha256: { in: sha256s } }, select: { id: true } })).map((a) => a.id);
}
