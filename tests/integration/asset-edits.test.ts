/**
 * The owner's edits that never touch the original (turn, capture time, position): stored and
 * journaled, seen by the timeline order and places, surviving a rebuild from the originals and the
 * journal (also after a compaction), revertible to the original's values; the full-resolution view
 * of a HEIF and of a turned photo (the 12 MP iPhone HEIC is zoomed in tests/e2e/gallery.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editAsset } from "@/lib/assets/edit-asset";
import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { listAssets, listAssetsQuery } from "@/lib/assets/list-assets";
import { loadAssetSummaries } from "@/lib/assets/load-asset-summaries";
import { getAsset } from "@/lib/assets/get-asset";
import { openImageTile } from "@/lib/assets/open-image-tile";
import { openFullImage } from "@/lib/assets/open-full-image";
import { compactJournal } from "@/lib/journal/compact-journal";
import { journalDirOf } from "@/lib/journal/journal-files";
import { rebuildLibrary } from "@/lib/journal/rebuild-library";
import { runWorker } from "@/lib/jobs/run-worker";
import { createLogger } from "@/lib/server/logger";
import { openDb, type Db } from "@/lib/server/db";
import { ingestBytes, photo } from "@/tests/support/library-state";
import { sharedPath } from "@/tests/support/shared";
import { createTestLibrary, type TestLibrary } from "@/tests/support/test-library";

const log = createLogger("test", "error");
let lib: TestLibrary;
let db: Db;
const deps = (): IngestDeps => ({ db, paths: lib.paths, config: lib.config });
const shas: string[] = [];
const idOf = async (sha: string) => (await db.asset.findUniqueOrThrow({ where: { sha256: sha }, select: { id: true } })).id;
/** The small thumbnail's URL version the timeline API and the search/places summaries give a photo. */
const tileVersions = async (id: string) => [(await listAssets(db, listAssetsQuery.parse({ limit: 10 }))).items.find((a) => a.id === id)?.thumbnailVersion, loadAssetSummaries(lib.paths.database, [id]).get(id)?.thumbnailVersion];
const drain = () => runWorker({ db, paths: lib.paths, config: lib.config, log }, { workerId: "test-worker", untilIdle: true });

/** What an edit shows: the asset's capture time, zone, source, position, size, place and its edit row. */
async function edited(sha: string) {
  const a = await db.asset.findUniqueOrThrow({
    where: { sha256: sha },
    select: { capturedAt: true, capturedAtSource: true, timeZone: true, latitude: true, longitude: true, width: true, height: true, place: { select: { city: true } }, edit: { select: { rotation: true, capturedAt: true, wasCapturedAt: true, latitude: true, wasLatitude: true } } },
  });
  return { ...a, capturedAt: a.capturedAt.toISOString() };
}

async function loseDatabaseAndRebuild(): Promise<void> {
  await db.$disconnect();
  const aside = fs.mkdtempSync(path.join(lib.paths.root, "..", "aside-"));
  for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(aside, f));
  await rebuildLibrary(lib.config);
  db = await openDb(lib.paths.database);
  await drain();
}

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  db = lib.db;
  for (let i = 0; i < 3; i += 1) shas.push((await ingestBytes(deps(), await photo(i + 1), `IMG_${i}.png`, { capturedAt: new Date(`2020-01-0${i + 1}T10:00:00Z`) })).sha256);
  await drain();
});
afterAll(() => lib.cleanup());

describe("edits that never touch the original", () => {
  let state: Awaited<ReturnType<typeof edited>>;

  it("sets the capture time in a time zone, the position and a turn: the timeline order, the place and the thumbnails follow; the original is untouched", async () => {
    const id = await idOf(shas[0]!);
    const original = await db.asset.findUniqueOrThrow({ where: { id }, select: { sha256: true, ext: true } });
    const bytes = fs.readFileSync(path.join(lib.paths.originals, original.sha256.slice(0, 2), original.sha256.slice(2, 4), `${original.sha256}.${original.ext}`));
    expect(await tileVersions(id)).toEqual([null, null]);
    const unturned = (await db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: "thumb-sm" } } })).etag.replaceAll('"', "").slice(0, 12);
    await editAsset(db, id, { capture: { local: "2021-05-01T12:00", timeZone: "Europe/Lisbon" }, location: { latitude: 38.7223, longitude: -9.1393 }, rotation: 90 });
    // Until the turned thumbnails are made the row names the unturned bytes: the URL says the turn
    // too, so the one a revert goes back to (`.0`) never held the turned picture in a browser.
    expect(await tileVersions(id)).toEqual([`${unturned}.90`, `${unturned}.90`]);
    await drain();
    state = await edited(shas[0]!);
    expect(state).toMatchObject({ capturedAt: "2021-05-01T11:00:00.000Z", capturedAtSource: "owner", timeZone: "Europe/Lisbon", latitude: 38.7223, width: 24, height: 32, place: { city: "Lisbon" } });
    // Newest first: the edited photo moved from last to first.
    expect((await listAssets(db, listAssetsQuery.parse({ limit: 10 }))).items.map((a) => a.id)[0]).toBe(id);
    const thumb = await db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: "thumb-sm" } } });
    expect([thumb.width, thumb.height]).toEqual([24, 32]);
    // The grid's thumbnail URL of the turned photo is versioned by the turned bytes (never the cached unturned one).
    const turnedVersion = `${thumb.etag.replaceAll('"', "").slice(0, 12)}.90`;
    expect(await tileVersions(id)).toEqual([turnedVersion, turnedVersion]);
    expect(fs.readFileSync(path.join(lib.paths.originals, original.sha256.slice(0, 2), original.sha256.slice(2, 4), `${original.sha256}.${original.ext}`))).toEqual(bytes);
    // The full-resolution view of a turned photo is a rendition, turned.
    const full = await openFullImage(db, lib.paths, id, lib.config.maxPixels);
    expect(await sharp(full.path).metadata()).toMatchObject({ width: 24, height: 32, format: "jpeg" });
    // An offset is a time zone too; an unknown zone is refused.
    await expect(editAsset(db, id, { capture: { local: "2021-05-01T12:00", timeZone: "Mars/Olympus" } })).rejects.toThrow(/not a time zone/);
  });

  it("survives a rebuild of the index from the originals and the journal", async () => {
    await loseDatabaseAndRebuild();
    expect(await edited(shas[0]!)).toEqual(state);
  });

  it("reverts each part to the original's value; a rebuild after a compaction keeps the revert and the rest", async () => {
    const id = await idOf(shas[0]!);
    await editAsset(db, id, { capture: null, rotation: 0 });
    await drain();
    const reverted = await edited(shas[0]!);
    expect(reverted).toMatchObject({ capturedAt: "2020-01-01T10:00:00.000Z", capturedAtSource: "client", timeZone: null, latitude: 38.7223, width: 32, height: 24, place: { city: "Lisbon" } });
    const [version] = await tileVersions(id);
    expect(version).toBe(`${(await db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: "thumb-sm" } } })).etag.replaceAll('"', "").slice(0, 12)}.0`);
    expect(await compactJournal(db, journalDirOf(lib.paths.database))).toBe(true);
    await loseDatabaseAndRebuild();
    expect(await edited(shas[0]!)).toEqual(reverted);
    await editAsset(db, await idOf(shas[0]!), { location: null });
    await drain();
    expect(await edited(shas[0]!)).toMatchObject({ latitude: null, longitude: null, place: null });
  });

  it("zooms a HEIF to its real pixels: a full-size rendition made once (concurrent first views share it) and kept", async () => {
    const heic = await ingestBytes(deps(), fs.readFileSync(sharedPath("fixtures/photos/heic/samplefilehub.heif")), "samplefilehub.heif");
    const asset = await db.asset.findUniqueOrThrow({ where: { id: heic.assetId }, select: { width: true, height: true } });
    const [first, again] = await Promise.all([openFullImage(db, lib.paths, heic.assetId, lib.config.maxPixels), openFullImage(db, lib.paths, heic.assetId, lib.config.maxPixels)]);
    expect(again.path).toBe(first.path);
    expect(await sharp(first.path).metadata()).toMatchObject({ width: asset.width, height: asset.height, format: "jpeg" });
    expect(await db.derivative.count({ where: { assetId: heic.assetId, kind: "full" } })).toBe(1);
  });

  it("zooms a 45 MP panorama through deep-zoom tiles: made once, each 512 px of real pixels, a screenful at a time", async () => {
    // 9000 × 5000, flat blue with a red square at (8600…8800, 4700…4900): a small PNG, quick to make.
    // The corner tile (level 14, 17/9) starts at (8704, 4608): the square is at its left, 92…292 down.
    const mark = { create: { width: 200, height: 200, channels: 3 as const, background: "#ff0000" } };
    const png = await sharp({ create: { width: 9000, height: 5000, channels: 3, background: "#3070b0" } }).composite([{ input: mark, left: 8600, top: 4700 }]).png({ compressionLevel: 1 }).toBuffer();
    const { assetId } = await ingestBytes(deps(), png, "panorama.png");
    const detail = await getAsset(db, assetId, lib.paths);
    expect(detail.tiles).toMatchObject({ url: `/api/assets/${assetId}/tiles`, width: 9000, height: 5000, tileSize: 512, maxLevel: 14 });
    // The full-resolution level: 18 × 10 tiles; the last column is 9000 − 17 × 512 = 296 px wide.
    const [corner, again] = await Promise.all([openImageTile(db, lib.paths, assetId, { level: 14, col: 17, row: 9 }, lib.config.maxPixels), openImageTile(db, lib.paths, assetId, { level: 14, col: 0, row: 0 }, lib.config.maxPixels)]);
    expect(await sharp(again.path).metadata()).toMatchObject({ width: 512, height: 512, format: "jpeg" });
    expect(await sharp(corner.path).metadata()).toMatchObject({ width: 296, height: 5000 - 9 * 512, format: "jpeg" });
    const pixel = async (left: number, top: number) => [...(await sharp(corner.path).extract({ left, top, width: 1, height: 1 }).raw().toBuffer())];
    expect(await pixel(40, 190)).toEqual([expect.closeTo(255, -1.5), expect.closeTo(0, -1.5), expect.closeTo(0, -1.5)]);
    expect(await pixel(200, 190)).toEqual([expect.closeTo(0x30, -1.5), expect.closeTo(0x70, -1.5), expect.closeTo(0xb0, -1.5)]);
    // The whole photo at level 11 (1125 × 625) is 3 × 2 tiles; one pyramid was made and recorded.
    expect(await sharp((await openImageTile(db, lib.paths, assetId, { level: 11, col: 2, row: 1 }, lib.config.maxPixels)).path).metadata()).toMatchObject({ width: 1125 - 1024, height: 625 - 512 });
    expect(await db.derivative.count({ where: { assetId, kind: "tiles" } })).toBe(1);
    await expect(openImageTile(db, lib.paths, assetId, { level: 14, col: 18, row: 0 }, lib.config.maxPixels)).rejects.toThrow(/No such tile/);
    // Smaller photos keep one full-size image.
    expect((await getAsset(db, await idOf(shas[1]!), lib.paths)).tiles).toBeNull();
  });
});
