// The journal keeps every decision the originals do not carry, so the index can be rebuilt from
// originals/ + journal (docs/reliability.md rows 21, 22, 26): a lost database re-created with the
// same assets, albums, flags, Takeout facts and people; a replay applied twice changes nothing; an
// older database put back gets the later decisions; a compacted journal rebuilds the same library.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAlbumAssets } from "@/lib/albums/add-album-assets";
import { createAlbum } from "@/lib/albums/create-album";
import { deleteAlbum } from "@/lib/albums/delete-album";
import { removeAlbumAssets } from "@/lib/albums/remove-album-assets";
import { updateAlbum } from "@/lib/albums/update-album";
import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { purgeTrash } from "@/lib/assets/purge-trash";
import { updateAssets } from "@/lib/assets/update-assets";
import { recoverCustody } from "@/lib/custody/recover-custody";
import { appendJournal, journalSeqOf, withoutJournal } from "@/lib/journal/append-journal";
import { applyJournalEntry } from "@/lib/journal/apply-journal-entry";
import { compactJournal } from "@/lib/journal/compact-journal";
import { journalDirOf, listJournalFiles, readJournal } from "@/lib/journal/journal-files";
import { rebuildLibrary } from "@/lib/journal/rebuild-library";
import { RebuildNeeded } from "@/lib/journal/rebuild-needed";
import { reconcileJournal } from "@/lib/journal/reconcile-journal";
import { replayJournal } from "@/lib/journal/replay-journal";
import type { DetectedFace } from "@/lib/ml/faces/face-types";
import { moveFace } from "@/lib/people/move-face";
import { storeFaces } from "@/lib/people/store-faces";
import { updatePerson } from "@/lib/people/update-person";
import { createLogger } from "@/lib/server/logger";
import { openDb, type Db } from "@/lib/server/db";
import { originalPath } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { applyTakeoutMetadata } from "@/lib/takeout/apply-takeout-metadata";
import { YUNET_MODEL } from "@/lib/ml/faces/face-models";
import { ingestBytes, photo, libraryState, peopleState } from "@/tests/support/library-state";
import { createTestLibrary, listOriginals, type TestLibrary } from "@/tests/support/test-library";

const log = createLogger("test", "error");
let lib: TestLibrary;
let db: Db;
const deps = (): IngestDeps => ({ db, paths: lib.paths, config: lib.config });
const ids: string[] = [];
const shas: string[] = [];
let purgedFile = "";
let beforeCompaction: Buffer;

/** A face detection at a fixed place with a fixed identity (no model needed). */
function face(x: number, identity: number): DetectedFace {
  const embedding = new Float32Array(128);
  embedding[identity] = 1;
  return { box: { x, y: 100, width: 200, height: 200 }, score: 0.95, landmarks: [], embedding };
}
const detections: Record<number, DetectedFace[]> = { 0: [face(100, 1), face(500, 2)], 3: [face(120, 1)] };
const storeAll = async (target: Db) => {
  for (const [i, faces] of Object.entries(detections)) {
    const asset = await target.asset.findUniqueOrThrow({ where: { sha256: shas[Number(i)]! } });
    await storeFaces({ db: target, databasePath: lib.paths.database }, { id: asset.id, width: 1000, height: 1000 }, faces, YUNET_MODEL);
  }
};

/** Moves the database away (as an operator would), then rebuilds it; returns the new client. */
async function loseDatabaseAndRebuild(): Promise<Db> {
  await db.$disconnect();
  const aside = fs.mkdtempSync(path.join(lib.paths.root, "..", "aside-"));
  for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(aside, f));
  const before = fs.readdirSync(lib.paths.root, { recursive: true }).map(String).sort();
  await expect(prepareLibrary(lib.config, log)).rejects.toThrow(RebuildNeeded);
  await expect(prepareLibrary(lib.config, log)).rejects.toThrow(/npm run rebuild/);
  expect(fs.readdirSync(lib.paths.root, { recursive: true }).map(String).sort()).toEqual(before);
  await rebuildLibrary(lib.config);
  return openDb(lib.paths.database);
}

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  db = lib.db;
  for (let i = 0; i < 6; i += 1) {
    const result = await ingestBytes(deps(), await photo(i + 1), `IMG_${i}.png`, { capturedAt: new Date(`2020-01-0${i + 1}T10:00:00Z`) });
    ids.push(result.assetId);
    shas.push(result.sha256);
  }
  await ingestBytes(deps(), await photo(1), "copy-of-IMG_0.png", { source: "share" });
  const trip = await createAlbum(db, { title: "Trip", description: "summer", assetIds: [ids[0]!, ids[1]!, ids[2]!] });
  await addAlbumAssets(db, trip.id, [ids[3]!]);
  await removeAlbumAssets(db, trip.id, [ids[1]!]);
  await updateAlbum(db, trip.id, { title: "Trip 2020", coverAssetId: ids[2]!, sort: "oldest" });
  await deleteAlbum(db, (await createAlbum(db, { title: "Gone" })).id);
  await updateAssets(db, { ids: [ids[0]!], favorite: true });
  await updateAssets(db, { ids: [ids[1]!], archived: true, description: "at the lake" });
  await updateAssets(db, { ids: [ids[4]!, ids[5]!], trashed: true });
  // Purged for good; an interrupted purge left its file behind: a rebuild must not list it again.
  purgedFile = originalPath(lib.paths, shas[5]!, "png");
  const purgedBytes = fs.readFileSync(purgedFile);
  await purgeTrash({ db, paths: lib.paths }, { ids: [ids[5]!] });
  fs.mkdirSync(path.dirname(purgedFile), { recursive: true });
  fs.writeFileSync(purgedFile, purgedBytes);
  await db.$transaction((tx) => applyTakeoutMetadata(tx, ids[2]!, { description: "from google", gps: { latitude: 48.85, longitude: 2.35, altitude: null, source: "geoData" }, favorite: true, archived: false, trashed: false, people: ["Ann"], origin: "Pixel 7" }, { intoTrash: false, namePlaces: false }));
  await storeAll(db);
  const ann = (await db.face.findFirstOrThrow({ where: { assetId: ids[0]!, x: 0.1 } })).personId!;
  await updatePerson(db, ann, { name: "Ann" });
  // The second face of photo 0 is Bob's, said the owner, into a new person.
  const bob = await moveFace(db, (await db.face.findFirstOrThrow({ where: { assetId: ids[0]!, x: 0.5 } })).id, null);
  await updatePerson(db, bob.personId, { name: "Bob", hidden: true });
});
afterAll(() => lib.cleanup());

describe("journal and rebuild", () => {
  let state: Awaited<ReturnType<typeof libraryState>>;
  let people: Awaited<ReturnType<typeof peopleState>>;

  it("rebuilds a lost database from originals/ + journal: same assets by hash, albums, flags, names, Takeout facts; purged stays purged", async () => {
    state = await libraryState(db);
    people = await peopleState(db);
    expect(state.assets).toHaveLength(5);
    expect(people.map((p) => p.name).sort()).toEqual(["Ann", "Bob"]);
    const originalsBefore = listOriginals(lib.paths);
    db = await loseDatabaseAndRebuild();
    expect(await libraryState(db)).toEqual(state);
    expect(listOriginals(lib.paths)).toEqual(originalsBefore);
    expect(fs.existsSync(purgedFile)).toBe(true);
    // Thumbnails are queued again for every original.
    expect(await db.job.count({ where: { kind: "thumbnail" } })).toBe(5);
    // People come back when the faces job finds the faces again: same ids, names, hidden flag.
    expect(await peopleState(db)).toEqual([]);
    await storeAll(db);
    expect((await peopleState(db)).map(({ id, name, hidden, photos }) => ({ id, name, hidden, photos }))).toEqual(people);
  });

  it("replays idempotently: every entry applied again changes nothing, and a second replay finds nothing to do", async () => {
    const journal = readJournal(journalDirOf(lib.paths.database));
    await withoutJournal(() => db.$transaction(async (tx) => {
      for (const entry of journal.entries) await applyJournalEntry(tx, entry, new Date(entry.at));
    }));
    expect(await libraryState(db)).toEqual(state);
    expect(await replayJournal(db, journalDirOf(lib.paths.database))).toBe(0);
  });

  it("reconciles an older database put back: newer originals adopted, then decisions made after its copy replayed (start-up order)", async () => {
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const old = fs.readFileSync(lib.paths.database);
    beforeCompaction = old;
    const album = (await db.album.findFirstOrThrow()).id;
    await updateAlbum(db, album, { title: "Trip to Paris" });
    const byHash = async (i: number) => (await db.asset.findUniqueOrThrow({ where: { sha256: shas[i]! } })).id;
    await updateAssets(db, { ids: [await byHash(0)], favorite: false, description: "new words" });
    await createAlbum(db, { title: "Later", assetIds: [await byHash(3)] });
    await updateAssets(db, { ids: [await byHash(4)], trashed: false });
    // A photo that arrived after the copy: the old database has no row for it.
    const fresh = await ingestBytes(deps(), await photo(99), "IMG_new.png", { capturedAt: new Date("2021-05-05T12:00:00Z") });
    await addAlbumAssets(db, album, [fresh.assetId]);
    await updateAssets(db, { ids: [fresh.assetId], favorite: true });
    const later = await libraryState(db);
    await db.$disconnect();
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(lib.paths.database + suffix, { force: true });
    fs.writeFileSync(lib.paths.database, old);
    db = await openDb(lib.paths.database);
    expect(await libraryState(db)).toEqual(state);
    // What bootChecks runs: custody's recovery (the new original adopted as `recovered`), then the journal.
    const { orphans } = await recoverCustody(deps());
    expect(orphans.adopted.map((a) => a.sha256)).toEqual([fresh.sha256]);
    expect((await reconcileJournal(db, lib.paths, log)).replayed).toBeGreaterThanOrEqual(7);
    expect(await libraryState(db)).toEqual(later);
    state = later;
  });

  it("compaction keeps every decision: a rebuild from the snapshot (plus entries after it) gives the same library", async () => {
    const dir = journalDirOf(lib.paths.database);
    expect(await compactJournal(db, dir)).toBe(true);
    const files = listJournalFiles(dir);
    expect(files.snapshots).toHaveLength(1);
    expect(files.segments).toHaveLength(1);
    expect(readJournal(dir).entries).toEqual([]);
    await updateAssets(db, { ids: [(await db.asset.findUniqueOrThrow({ where: { sha256: shas[3]! } })).id], archived: true });
    state = await libraryState(db);
    db = await loseDatabaseAndRebuild();
    expect(await libraryState(db)).toEqual(state);
    await storeAll(db);
    expect(await peopleState(db)).toEqual(people);
    lib.db = db;
  });

  it("an entry whose transaction failed after the append is applied by the next start's replay; the gap holds the database's seq back", async () => {
    const id = (await db.asset.findUniqueOrThrow({ where: { sha256: shas[2]! } })).id;
    const seqBefore = await journalSeqOf(db);
    await expect(db.$transaction(async (tx) => {
      await tx.asset.update({ where: { id }, data: { archived: true } });
      await appendJournal(tx, { op: "asset.update", sha256s: [shas[2]!], archived: true });
      throw new Error("the commit failed");
    })).rejects.toThrow("the commit failed");
    expect((await db.asset.findUniqueOrThrow({ where: { id } })).archived).toBe(false);
    await updateAssets(db, { ids: [id], description: "after the gap" });
    expect(await journalSeqOf(db)).toBe(seqBefore);
    expect(await reconcileJournal(db, lib.paths, log)).toEqual({ replayed: 2, snapshot: false });
    expect(await db.asset.findUniqueOrThrow({ where: { id } })).toMatchObject({ archived: true, description: "after the gap" });
    expect(await journalSeqOf(db)).toBe(readJournal(journalDirOf(lib.paths.database)).tailSeq);
  });

  it("refuses, naming npm run rebuild, a database older than the journal's last compaction", async () => {
    const older = path.join(lib.paths.root, "older.db");
    fs.writeFileSync(older, beforeCompaction);
    const stale = await openDb(older);
    try {
      await expect(reconcileJournal(stale, { ...lib.paths, database: older }, log)).rejects.toThrow(RebuildNeeded);
      await expect(reconcileJournal(stale, { ...lib.paths, database: older }, log)).rejects.toThrow(/npm run rebuild/);
    } finally {
      await stale.$disconnect();
    }
  });
});
