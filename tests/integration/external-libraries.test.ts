// External libraries indexed in place (issue 20, docs/libraries.md): a real temp SQLite + data dir,
// real library folders, the real scanner, routes called in-process.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jpegVariant } from "../support/jpeg-variants";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const roots = { a: "", b: "", c: "" };

/** Every entry under `dir` with its kind, size, mtime, inode and content hash: the tree as it was. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const stat = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)} ${entry.isDirectory() ? "d" : "f"} ${stat.size} ${stat.mtimeMs} ${stat.ino} ${stat.mode}${entry.isFile() ? ` ${createHash("sha256").update(fs.readFileSync(full)).digest("hex")}` : ""}`);
      if (entry.isDirectory()) visit(full);
    }
  };
  visit(dir);
  return out.sort();
}

async function put(root: string, rel: string, data: Buffer | string): Promise<void> {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), data);
}

const scan = async () => {
  const { scanLibraries } = await import("@/lib/libraries/scan-libraries");
  return scanLibraries(lib, { force: true, pauseMs: 0 });
};
const fileRow = (relPath: string) => lib.db.libraryFile.findFirstOrThrow({ where: { relPath } });
const detail = async (id: string) => {
  const route = await import("@/app/api/assets/[id]/route");
  return (await lib.call(route.GET, { url: `/api/assets/${id}`, params: { id } })).json() as Promise<{ id: string; fileState: string; library: { id: string; path: string; available: boolean } | null; description: string | null; albums: { id: string }[]; capture: { source: string } }>;
};
/** The `offline` flag of an asset's tile: in the timeline's page (GET /api/assets) and in a search page's summaries. */
const tileOffline = async (id: string) => {
  const route = await import("@/app/api/assets/route");
  const { loadAssetSummaries } = await import("@/lib/assets/load-asset-summaries");
  const page = (await (await lib.call(route.GET, { url: "/api/assets?limit=500" })).json()) as { items: { id: string; offline: boolean }[] };
  return [page.items.find((a) => a.id === id)?.offline, loadAssetSummaries(lib.paths.database, [id]).get(id)?.offline];
};

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  roots.a = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ext-a-"));
  roots.b = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ext-b-"));
  roots.c = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ext-c-"));
  await put(roots.a, "2019/IMG_1.jpg", await jpegVariant(1));
  await put(roots.a, "2019/IMG_2.jpg", await jpegVariant(2));
  await put(roots.a, "2019/IMG_2.jpg.xmp", `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="5" exif:DateTimeOriginal="2019-07-04T10:11:12+02:00"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Lake at dusk</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`);
  await put(roots.a, "2020/IMG_3.jpg", await jpegVariant(3));
  await put(roots.a, "notes.txt", "not a photo");
  await put(roots.b, "archive/.keep", "");
});

afterAll(async () => {
  await lib.cleanup();
  for (const root of Object.values(roots)) fs.rmSync(root, { recursive: true, force: true });
});

describe("external libraries", () => {
  it("indexes a folder in place: thumbnails and details as for uploads, not one byte, mtime or file changed or created in it", async () => {
    const before = listing(roots.a);
    const { addLibrary } = await import("@/lib/libraries/add-library");
    await addLibrary(lib.db, lib.paths, { root: roots.a });
    await addLibrary(lib.db, lib.paths, { root: roots.b });
    await scan();
    await lib.drain();
    expect(listing(roots.a)).toEqual(before);
    const assets = await lib.db.asset.findMany({ orderBy: { originalName: "asc" } });
    expect(assets.map((a) => [a.originalName, a.source])).toEqual([["IMG_1.jpg", "library"], ["IMG_2.jpg", "library"], ["IMG_3.jpg", "library"]]);
    expect(fs.readdirSync(lib.paths.originals)).toEqual([]); // nothing copied into custody
    const jobs = await lib.db.job.findMany({ where: { assetId: assets[0]!.id }, select: { priority: true } });
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.priority >= 100)).toBe(true); // they run after what is uploaded meanwhile
    expect(await lib.db.derivative.count({ where: { kind: "thumb-sm" } })).toBe(3);
    const two = await detail(assets[1]!.id);
    expect(two.library).toMatchObject({ path: "2019/IMG_2.jpg", available: true });
    expect(two.fileState).toBe("ok");
    expect(two.description).toBe("Lake at dusk"); // from the XMP sidecar
    expect(two.capture.source).toBe("xmp");
    const original = await import("@/app/api/assets/[id]/original/route");
    const served = await lib.call(original.GET, { url: `/api/assets/${assets[0]!.id}/original`, params: { id: assets[0]!.id } });
    expect(Buffer.from(await served.arrayBuffer())).toEqual(fs.readFileSync(path.join(roots.a, "2019/IMG_1.jpg")));
    const list = await import("@/app/api/libraries/route");
    const body = (await (await lib.call(list.GET, { url: "/api/libraries" })).json()) as { libraries: { id: string; root: string; state: string; files: number; lastScanAt: string | null }[] };
    expect(body.libraries.find((l) => l.root === roots.a)).toMatchObject({ state: "online", files: 3, lastScanAt: expect.any(String) });
  });

  it("re-scans an unchanged tree without hashing anything", async () => {
    const { scanLibrary } = await import("@/lib/libraries/scan-library");
    const library = await lib.db.library.findUniqueOrThrow({ where: { root: roots.a } });
    const result = await scanLibrary(lib, library.id, { pauseMs: 0 });
    expect(result).toMatchObject({ state: "complete", seen: 4, new: 0, changed: 0, flagged: 0 });
  });

  it("reads a sidecar again when it changes on its own (the photo untouched)", async () => {
    const row = await fileRow("2019/IMG_2.jpg");
    const xmp = path.join(roots.a, "2019/IMG_2.jpg.xmp");
    fs.writeFileSync(xmp, fs.readFileSync(xmp, "utf8").replace("Lake at dusk", "Lake at night, edited in darktable").replace('xmp:Rating="5"', 'xmp:Rating="3"'));
    await scan();
    const asset = await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } });
    expect(asset.description).toBe("Lake at night, edited in darktable");
    expect(JSON.parse(asset.metadataJson!)).toMatchObject({ sidecar: { rating: 3 } });
    expect(await fileRow("2019/IMG_2.jpg")).toMatchObject({ sha256: row.sha256, mtimeMs: row.mtimeMs, sidecarStamp: `${fs.statSync(xmp).size}:${fs.statSync(xmp).mtimeMs}` });
    // A row indexed before sidecars were stamped (the migration's "?") only takes the stamp: no re-read on upgrade.
    await lib.db.libraryFile.update({ where: { id: row.id }, data: { sidecarStamp: "?" } });
    await lib.db.asset.update({ where: { id: row.assetId! }, data: { description: "typed in Albums" } });
    await scan();
    expect((await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } })).description).toBe("typed in Albums");
    expect((await fileRow("2019/IMG_2.jpg")).sidecarStamp).toBe(`${fs.statSync(xmp).size}:${fs.statSync(xmp).mtimeMs}`);
  });

  it("the scrub re-hashes library files in place: bytes changed under the same size, mtime and inode are re-analysed by the next scan", async () => {
    const file = path.join(roots.a, "2019/IMG_2.jpg");
    const row = await fileRow("2019/IMG_2.jpg");
    const stat = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0xff; // one bit flipped in the image data: same size, same inode
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, stat.atime, stat.mtime);
    // What the scanner keys on is unchanged (utimes keeps microseconds: the row takes the file's mtime as set).
    await lib.db.libraryFile.update({ where: { id: row.id }, data: { mtimeMs: fs.statSync(file).mtimeMs } });
    const { scanLibrary } = await import("@/lib/libraries/scan-library");
    expect(await scanLibrary(lib, row.libraryId, { pauseMs: 0 })).toMatchObject({ changed: 0 });
    const before = listing(roots.a);
    const { scrubOriginals } = await import("@/lib/maintenance/scrub-originals");
    const scrub = await scrubOriginals(lib.db, lib.paths, 1e9);
    expect(scrub).toMatchObject({ changed: [row.assetId], corrupt: [] });
    expect(listing(roots.a)).toEqual(before); // read only
    expect((await lib.db.library.findUniqueOrThrow({ where: { id: row.libraryId } })).scanRequested).toBe(true);
    expect(await scan()).toMatchObject({ scanned: 2 });
    const asset = await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } });
    expect(asset.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(asset.fileState).toBe("ok");
  });

  it("keeps the asset, its album and its faces when the file moves to another library", async () => {
    const row = await fileRow("2019/IMG_1.jpg");
    const { createAlbum } = await import("@/lib/albums/create-album");
    const album = await createAlbum(lib.db, { title: "Summer", assetIds: [row.assetId!] });
    await lib.db.face.create({ data: { id: "face-1", assetId: row.assetId!, x: 0.1, y: 0.1, width: 0.2, height: 0.2, score: 0.9, embedding: Buffer.alloc(512) } });
    fs.renameSync(path.join(roots.a, "2019/IMG_1.jpg"), path.join(roots.b, "archive/IMG_1.jpg"));
    await scan();
    expect((await fileRow("archive/IMG_1.jpg")).assetId).toBe(row.assetId);
    expect((await detail(row.assetId!)).library).toMatchObject({ path: "archive/IMG_1.jpg", available: true });
    await scan(); // the old path, missed twice: flagged, but the asset has another place
    expect((await fileRow("2019/IMG_1.jpg")).missingSince).not.toBeNull();
    expect((await detail(row.assetId!)).fileState).toBe("ok");
    await scan();
    await scan(); // two more scans agreed, every library available: the old path is forgotten, the asset stays
    expect(await lib.db.libraryFile.count({ where: { relPath: "2019/IMG_1.jpg" } })).toBe(0);
    const moved = await detail(row.assetId!);
    expect(moved.fileState).toBe("ok");
    expect(moved.albums.map((a) => a.id)).toEqual([album.id]);
    expect(await lib.db.face.count({ where: { assetId: row.assetId! } })).toBe(1);
  });

  it("re-analyses a file changed in place: same asset, new hash, derived rows replaced", async () => {
    const row = await fileRow("2020/IMG_3.jpg");
    const old = await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } });
    await lib.db.face.create({ data: { id: "face-3", assetId: old.id, x: 0.1, y: 0.1, width: 0.2, height: 0.2, score: 0.9, embedding: Buffer.alloc(512) } });
    await put(roots.a, "2020/IMG_3.jpg", await jpegVariant(33, 48));
    const result = await scan();
    expect(result.scanned).toBe(2);
    const now = await lib.db.asset.findUniqueOrThrow({ where: { id: old.id } });
    expect(now.sha256).not.toBe(old.sha256);
    expect(now.width).toBe(48);
    expect(await lib.db.face.count({ where: { assetId: old.id } })).toBe(0);
    expect(await lib.db.job.findFirst({ where: { assetId: old.id, kind: "thumbnail" } })).toMatchObject({ status: "pending" });
    await lib.drain();
    expect(await lib.db.derivative.findFirst({ where: { assetId: old.id, kind: "thumb-md" } })).toMatchObject({ width: 48 });
  });

  it("shows a library that went away as offline, flags nothing, and is whole again when it is back", async () => {
    const row = await fileRow("2019/IMG_2.jpg");
    const away = `${roots.a}.away`;
    const before = listing(roots.a);
    fs.renameSync(roots.a, away);
    fs.mkdirSync(roots.a); // the empty mount point a share leaves behind
    for (let i = 0; i < 3; i += 1) expect((await scan()).stale).toEqual([roots.a]);
    expect(await lib.db.libraryFile.count({ where: { OR: [{ missingScans: { gt: 0 } }, { missingSince: { not: null } }] } })).toBe(0);
    const offline = await detail(row.assetId!);
    expect(offline).toMatchObject({ fileState: "offline", library: { path: "2019/IMG_2.jpg", available: false } });
    expect(await tileOffline(row.assetId!)).toEqual([true, true]); // the timeline's tile and search's say so too
    const original = await import("@/app/api/assets/[id]/original/route");
    expect((await lib.call(original.GET, { url: `/api/assets/${row.assetId}/original`, params: { id: row.assetId! } })).status).toBe(503);
    fs.rmdirSync(roots.a);
    fs.renameSync(away, roots.a);
    expect((await scan()).stale).toEqual([]);
    expect(await detail(row.assetId!)).toMatchObject({ fileState: "ok", library: { available: true } });
    expect(await tileOffline(row.assetId!)).toEqual([false, false]);
    expect(listing(roots.a)).toEqual(before);
  });

  it("flags a deleted file missing only after two scans and collects it once every library agreed", async () => {
    const row = await fileRow("2019/IMG_2.jpg");
    const buried = fs.readFileSync(path.join(roots.a, "2019/IMG_2.jpg"));
    fs.rmSync(path.join(roots.a, "2019/IMG_2.jpg"));
    await scan();
    expect(await fileRow("2019/IMG_2.jpg")).toMatchObject({ missingScans: 1, missingSince: null });
    expect((await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } })).fileState).toBe("ok");
    await scan();
    expect((await fileRow("2019/IMG_2.jpg")).missingSince).not.toBeNull();
    expect((await lib.db.asset.findUniqueOrThrow({ where: { id: row.assetId! } })).fileState).toBe("missing");
    await scan();
    expect((await fileRow("2019/IMG_2.jpg")).missingScans).toBe(3); // not yet: two more scans must agree
    await scan();
    expect(await lib.db.asset.findUnique({ where: { id: row.assetId! } })).toBeNull();
    expect(await lib.db.libraryFile.count({ where: { relPath: "2019/IMG_2.jpg" } })).toBe(0);
    expect(fs.existsSync(path.join(roots.a, "2019/IMG_2.jpg.xmp"))).toBe(true); // its sidecar is the owner's: untouched
    fs.writeFileSync(path.join(roots.a, "2019/IMG_2.jpg"), buried); // (restored for the next test)
  });

  it("backs up external originals only when the owner asked", async () => {
    const { createBackup, storePath } = await import("@/lib/backup/create-backup");
    const { writeBackupExternal } = await import("@/lib/libraries/library-settings");
    const before = [listing(roots.a), listing(roots.b)];
    const assets = await lib.db.asset.findMany({ select: { sha256: true, ext: true } });
    const target = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ext-backup-"));
    try {
      const plain = await createBackup(lib.paths, target, 7, new Date("2026-01-01T00:00:00Z"));
      expect(plain).toMatchObject({ missing: [], copied: 0 });
      expect(plain.external.sort()).toEqual(assets.map((a) => a.sha256).sort());
      await writeBackupExternal(lib.db, true);
      const full = await createBackup(lib.paths, target, 7, new Date("2026-01-02T00:00:00Z"));
      expect(full).toMatchObject({ missing: [], external: [], copied: assets.length });
      for (const asset of assets) expect(fs.existsSync(storePath(path.join(target, "originals"), asset))).toBe(true);
      expect([listing(roots.a), listing(roots.b)]).toEqual(before);
    } finally {
      await writeBackupExternal(lib.db, false);
      fs.rmSync(target, { recursive: true, force: true });
    }
  });

  it("removing a library removes its assets from the gallery and not one of its files", async () => {
    const before = listing(roots.b);
    const library = await lib.db.library.findUniqueOrThrow({ where: { root: roots.b } });
    const moved = await fileRow("archive/IMG_1.jpg");
    const { removeLibrary } = await import("@/lib/libraries/remove-library");
    expect(await removeLibrary(lib, library.id)).toMatchObject({ assetsRemoved: 1 });
    expect(await lib.db.asset.findUnique({ where: { id: moved.assetId! } })).toBeNull();
    expect(listing(roots.b)).toEqual(before);
  });

  it("brings the owner's decisions about a library photo back after a rebuild: album, favourite, description, the person on it; a purged one stays out", async () => {
    const row = await fileRow("2020/IMG_3.jpg");
    const id = row.assetId!;
    const { createAlbum } = await import("@/lib/albums/create-album");
    const { updateAssets } = await import("@/lib/assets/update-assets");
    const { moveFace } = await import("@/lib/people/move-face");
    const { updatePerson } = await import("@/lib/people/update-person");
    const { deleteAlbum } = await import("@/lib/albums/delete-album");
    const album = await createAlbum(lib.db, { title: "Lake", assetIds: [id] });
    await deleteAlbum(lib.db, (await createAlbum(lib.db, { title: "Gone", assetIds: [id] })).id);
    await updateAssets(lib.db, { ids: [id], favorite: true, description: "first words" });
    await updateAssets(lib.db, { ids: [id], description: "Our lake" });
    await lib.db.face.create({ data: { id: "face-2", assetId: id, x: 0.3, y: 0.3, width: 0.2, height: 0.2, score: 0.9, embedding: Buffer.alloc(512) } });
    const { personId } = await moveFace(lib.db, "face-2", null);
    await updatePerson(lib.db, personId, { name: "Eve" });
    // A library added before libraries were journaled: the next round journals it once.
    await put(roots.c, "x/IMG_9.jpg", await jpegVariant(9));
    await lib.db.library.create({ data: { id: "legacy", root: roots.c, origin: "settings" } });
    await lib.db.setting.delete({ where: { key: "libraries.journaled" } });
    await scan();
    // A favourite in that library, whose bytes the phone uploads again after the rebuild, before the scan finds them.
    const nine = await fileRow("x/IMG_9.jpg");
    await updateAssets(lib.db, { ids: [nine.assetId!], favorite: true });
    // A library photo the owner trashed and purged: found again by the scan after the rebuild, it stays out.
    const purged = await fileRow("2019/IMG_2.jpg");
    await updateAssets(lib.db, { ids: [purged.assetId!], trashed: true });
    const { purgeTrash } = await import("@/lib/assets/purge-trash");
    await purgeTrash(lib, { ids: [purged.assetId!] });
    const before = listing(roots.a);
    await lib.db.$disconnect();
    const aside = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ext-aside-"));
    for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(aside, f));
    const { rebuildLibrary } = await import("@/lib/journal/rebuild-library");
    const { openDb } = await import("@/lib/server/db");
    const { scanLibraries } = await import("@/lib/libraries/scan-libraries");
    expect((await rebuildLibrary(lib.config)).awaited).toBeGreaterThanOrEqual(1);
    const db = await openDb(lib.paths.database);
    try {
      expect((await db.library.findMany({ select: { root: true } })).map((l) => l.root).sort()).toEqual([roots.a, roots.c].sort()); // b was removed: not back
      expect(await db.asset.count()).toBe(0); // nothing in originals/
      const { ingestBytes } = await import("../support/library-state");
      await ingestBytes({ db, paths: lib.paths, config: lib.config }, fs.readFileSync(path.join(roots.c, "x/IMG_9.jpg")), "IMG_9.jpg");
      await scanLibraries({ db, paths: lib.paths, config: lib.config }, { force: true, pauseMs: 0 });
      expect(await db.asset.findUniqueOrThrow({ where: { sha256: nine.sha256 } })).toMatchObject({ favorite: true, source: "upload" });
      const back = await db.asset.findUniqueOrThrow({ where: { sha256: row.sha256 }, include: { albums: true } });
      expect(back).toMatchObject({ favorite: true, description: "Our lake", source: "library" });
      expect(back.albums.map((m) => m.albumId)).toEqual([album.id]); // the album deleted since stays deleted
      expect(await db.album.count()).toBe(2); // "Lake", and "Summer" (photo 1's, gone with library b)
      expect(await db.person.findUnique({ where: { id: personId } })).toMatchObject({ name: "Eve" });
      // The faces job finds the face again and puts it on Eve (a hint keyed by the photo's bytes).
      expect(JSON.parse((await db.setting.findUniqueOrThrow({ where: { key: `faces.hint.${row.sha256}` } })).value)).toEqual([{ box: { x: 0.3, y: 0.3, width: 0.2, height: 0.2 }, personId }]);
      expect(await db.asset.findUnique({ where: { sha256: purged.sha256 } })).toBeNull();
      expect(await db.asset.count()).toBe(2); // IMG_3 and library c's photo
      expect(await db.pendingArrival.count()).toBe(0); // every library scanned: nothing left waiting
      expect(listing(roots.a)).toEqual(before);
    } finally {
      await db.$disconnect();
      fs.rmSync(aside, { recursive: true, force: true });
    }
  });
});
