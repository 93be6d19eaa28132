// Near-duplicates on a real temp library: real photos from the shared fixtures made into resized,
// re-encoded, WebP, slightly cropped and quarter-turned copies with sharp, ingested and thumbnailed by
// the real worker (which hashes them); a different photo of the same church must not group. Then the
// Duplicates screen's actions through their routes: resolve (trash + albums/favourite/description
// move to the kept copy, journaled), undo, and "not duplicates" remembered.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DuplicateGroupView } from "@/lib/duplicates/list-duplicates";
import type { ResolveUndo } from "@/lib/duplicates/resolve-duplicates";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let routes: {
  ingest: typeof import("@/app/api/ingest/route");
  list: typeof import("@/app/api/duplicates/route");
  resolve: typeof import("@/app/api/duplicates/resolve/route");
  undo: typeof import("@/app/api/duplicates/undo/route");
  dismiss: typeof import("@/app/api/duplicates/dismiss/route");
};
const idOf = new Map<string, string>();
const church = sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0027.jpg");
const sameChurchOtherShot = sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0040.jpg");
const dogs = sharedPath("fixtures", "scenes", "two_dogs.jpg");

async function ingest(name: string, data: Buffer) {
  const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name, data }) });
  expect(res.status).toBe(201);
  idOf.set(name, ((await res.json()) as { assetId: string }).assetId);
}
const nameOf = (id: string) => [...idOf].find(([, v]) => v === id)?.[0];
async function groups(): Promise<string[][]> {
  const body = (await (await lib.call(routes.list.GET, { url: "/api/duplicates" })).json()) as { groups: DuplicateGroupView[] };
  return body.groups.map((g) => g.copies.map((c) => nameOf(c.id)!).sort());
}
const post = async (handler: (typeof routes)["resolve"]["POST"], url: string, body: unknown) =>
  lib.call(handler, { url, method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  routes = {
    ingest: await import("@/app/api/ingest/route"),
    list: await import("@/app/api/duplicates/route"),
    resolve: await import("@/app/api/duplicates/resolve/route"),
    undo: await import("@/app/api/duplicates/undo/route"),
    dismiss: await import("@/app/api/duplicates/dismiss/route"),
  };
  const original = fs.readFileSync(church);
  const { width, height } = await sharp(original).metadata();
  const inset = (f: number) => ({ left: Math.round(width * f), top: Math.round(height * f), width: Math.round(width * (1 - 2 * f)), height: Math.round(height * (1 - 2 * f)) });
  await ingest("church.jpg", original);
  await ingest("church-small.jpg", await sharp(original).resize(320).jpeg({ quality: 85 }).toBuffer());
  await ingest("church-q35.jpg", await sharp(original).jpeg({ quality: 35 }).toBuffer());
  await ingest("church.webp", await sharp(original).webp({ quality: 70 }).toBuffer());
  await ingest("church-cropped.jpg", await sharp(original).extract(inset(0.02)).jpeg({ quality: 90 }).toBuffer());
  await ingest("church-turned.jpg", await sharp(original).rotate(90).jpeg({ quality: 90 }).toBuffer());
  await ingest("church-other-shot.jpg", fs.readFileSync(sameChurchOtherShot));
  await ingest("dogs.jpg", fs.readFileSync(dogs));
  await ingest("dogs-small.webp", await sharp(dogs).resize(400).webp().toBuffer());
  await lib.drain();
});
afterAll(() => lib?.cleanup());

describe("near-duplicate groups from perceptual hashes", () => {
  it("hashes every photo in the thumbnail job", async () => {
    expect(await lib.db.assetHash.count()).toBe(idOf.size);
  });

  it("groups the resized, re-encoded, WebP, cropped and turned copies; not another shot of the same church", async () => {
    expect(await groups()).toEqual([
      ["church-cropped.jpg", "church-q35.jpg", "church-small.jpg", "church-turned.jpg", "church.jpg", "church.webp"],
      ["dogs-small.webp", "dogs.jpg"],
    ]);
  });

  it("preselects the original with GPS at full resolution as the one to keep", async () => {
    const body = (await (await lib.call(routes.list.GET, { url: "/api/duplicates" })).json()) as { groups: DuplicateGroupView[] };
    expect(nameOf(body.groups[0]!.keepId)).toBe("church.jpg");
    expect(body.groups[0]!.copies.find((c) => c.format === "WEBP")).toMatchObject({ width: 640, height: 480 });
  });

  it("backfills hashes of photos thumbnailed before hashes existed, and a second run finds nothing to do", async () => {
    const { backfillHashes } = await import("@/lib/duplicates/backfill-hashes");
    const before = await lib.db.assetHash.findMany({ orderBy: { assetId: "asc" } });
    await lib.db.assetHash.deleteMany();
    expect(await backfillHashes(lib.db, lib.paths)).toEqual({ hashed: idOf.size, unreadable: 0 });
    expect((await lib.db.assetHash.findMany({ orderBy: { assetId: "asc" } })).map((h) => [h.assetId, h.phash, h.turned])).toEqual(before.map((h) => [h.assetId, h.phash, h.turned]));
    expect(await backfillHashes(lib.db, lib.paths)).toEqual({ hashed: 0, unreadable: 0 });
  });
});

describe("resolving a group", () => {
  let undo: ResolveUndo;
  let albumId: string;
  const copies = ["church-small.jpg", "church-q35.jpg", "church.webp", "church-cropped.jpg", "church-turned.jpg"];

  it("trashes the copies and moves their albums, favourite and description to the kept photo, journaled", async () => {
    const { createAlbum } = await import("@/lib/albums/create-album");
    albumId = (await createAlbum(lib.db, { title: "Arezzo", assetIds: [idOf.get("church.webp")!] })).id;
    await lib.db.asset.update({ where: { id: idOf.get("church-q35.jpg")! }, data: { favorite: true } });
    await lib.db.asset.update({ where: { id: idOf.get("church-cropped.jpg")! }, data: { description: "San Domenico, morning" } });

    const res = await post(routes.resolve.POST, "/api/duplicates/resolve", { keepId: idOf.get("church.jpg"), trashIds: copies.map((c) => idOf.get(c)) });
    expect(res.status).toBe(200);
    ({ undo } = (await res.json()) as { undo: ResolveUndo });
    const kept = await lib.db.asset.findUniqueOrThrow({ where: { id: idOf.get("church.jpg")! }, include: { albums: true } });
    expect(kept).toMatchObject({ favorite: true, description: "San Domenico, morning", trashedAt: null });
    expect(kept.albums.map((a) => a.albumId)).toEqual([albumId]);
    expect(await lib.db.asset.count({ where: { id: { in: copies.map((c) => idOf.get(c)!) }, trashedAt: { not: null } } })).toBe(copies.length);
    expect(await groups()).toEqual([["dogs-small.webp", "dogs.jpg"]]);

    const { readJournal, journalDirOf } = await import("@/lib/journal/journal-files");
    const ops = readJournal(journalDirOf(lib.config.databasePath)).entries.slice(-3);
    expect(ops.map((e) => e.op)).toEqual(["album.add", "asset.update", "asset.update"]);
    expect(ops[2]).toMatchObject({ trashed: true });
  });

  it("undo brings the copies back and the kept photo's albums, favourite and description as they were", async () => {
    const res = await post(routes.undo.POST, "/api/duplicates/undo", undo);
    expect(await res.json()).toEqual({ restored: copies.length });
    const kept = await lib.db.asset.findUniqueOrThrow({ where: { id: idOf.get("church.jpg")! }, include: { albums: true } });
    expect(kept).toMatchObject({ favorite: false, description: null });
    expect(kept.albums).toEqual([]);
    expect(await lib.db.albumAsset.count({ where: { albumId, assetId: idOf.get("church.webp")! } })).toBe(1);
    expect(await lib.db.asset.count({ where: { trashedAt: { not: null } } })).toBe(0);
    expect((await groups())[0]).toHaveLength(6);
  });

  it("refuses a photo already in the trash, changing nothing", async () => {
    await lib.db.asset.update({ where: { id: idOf.get("dogs-small.webp")! }, data: { trashedAt: new Date() } });
    const res = await post(routes.resolve.POST, "/api/duplicates/resolve", { keepId: idOf.get("dogs.jpg"), trashIds: [idOf.get("dogs-small.webp")] });
    expect(res.status).toBe(404);
    await lib.db.asset.update({ where: { id: idOf.get("dogs-small.webp")! }, data: { trashedAt: null } });
  });

  it("remembers 'not duplicates' (journaled): the group is not offered again", async () => {
    const res = await post(routes.dismiss.POST, "/api/duplicates/dismiss", { ids: [idOf.get("dogs.jpg"), idOf.get("dogs-small.webp")] });
    expect(res.status).toBe(200);
    expect((await groups()).map((g) => g.length)).toEqual([6]);
    const { readJournal, journalDirOf } = await import("@/lib/journal/journal-files");
    expect(readJournal(journalDirOf(lib.config.databasePath)).entries.at(-1)).toMatchObject({ op: "duplicates.dismiss" });
  });
});

describe("CLIP as an extra signal", () => {
  it("splits off a hash match whose embedding is a different picture, and adds a burst whose embedding is the same", async () => {
    const { toBytes } = await import("@/lib/ml/vector-bytes");
    const unit = (...v: number[]) => toBytes(Float32Array.from(v, (x) => x / Math.hypot(...v)));
    const church = ["church.jpg", "church-small.jpg", "church-q35.jpg", "church.webp", "church-cropped.jpg"];
    for (const name of church) await lib.db.embedding.create({ data: { assetId: idOf.get(name)!, model: "test-clip", vector: unit(1, 0, 0, 0) } });
    await lib.db.embedding.create({ data: { assetId: idOf.get("church-turned.jpg")!, model: "test-clip", vector: unit(0, 1, 0, 0) } });
    await lib.db.embedding.create({ data: { assetId: idOf.get("church-other-shot.jpg")!, model: "test-clip", vector: unit(1, 0.2, 0, 0) } });
    expect(await groups()).toEqual([["church-cropped.jpg", "church-other-shot.jpg", "church-q35.jpg", "church-small.jpg", "church.jpg", "church.webp"]]);
  });
});
