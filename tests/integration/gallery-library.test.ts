// The gallery's library operations on a real temp library: views and day buckets, bulk changes,
// albums (with search-index staleness), trash purge (files go only when unreferenced), memories,
// job progress/retry/re-run, the audit log and the status page data.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let ingestRoute: typeof import("@/app/api/ingest/route");
const ids: Record<string, string> = {};

async function photo(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed * 40, g: 120, b: 200 - seed * 30 } } }).jpeg().toBuffer();
}

async function ingest(name: string, data: Buffer, capturedAt: string): Promise<{ status: number; assetId: string }> {
  const res = await lib.call(ingestRoute.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name, data }, { capturedAt }) });
  return (await res.json()) as { status: number; assetId: string };
}

const stale = async (assetId: string) => lib.db.searchChange.count({ where: { assetId } });

beforeAll(async () => {
  lib = await createTestLibrary();
  ingestRoute = await import("@/app/api/ingest/route");
  const dates = { a: "2023-07-14T22:30:00Z", b: "2023-07-14T10:00:00Z", c: "2022-07-15T09:00:00Z", d: "2021-01-02T09:00:00Z" };
  let seed = 0;
  for (const [name, at] of Object.entries(dates)) ids[name] = (await ingest(`${name}.jpg`, await photo(seed++), at)).assetId;
  await lib.drain();
}, 120_000);

afterAll(async () => lib?.cleanup());

describe("views and day buckets", () => {
  it("groups days at the viewer's offset and lists a month window", async () => {
    const { listTimelineDays } = await import("@/lib/assets/list-timeline-days");
    expect(await listTimelineDays(lib.db, { view: "timeline", tz: 0 })).toEqual({
      days: [{ day: "2023-07-14", count: 2, aspects: [1.33, 1.33] }, { day: "2022-07-15", count: 1, aspects: [1.33] }, { day: "2021-01-02", count: 1, aspects: [1.33] }],
      total: 4,
    });
    // At UTC+2 the 22:30 photo belongs to the next day.
    expect((await listTimelineDays(lib.db, { view: "timeline", tz: 120 })).days.slice(0, 2)).toMatchObject([{ day: "2023-07-15", count: 1 }, { day: "2023-07-14", count: 1 }]);
    const { listAssets, listAssetsQuery } = await import("@/lib/assets/list-assets");
    const july = await listAssets(lib.db, listAssetsQuery.parse({ from: "2023-07-01T00:00:00+02:00", to: "2023-08-01T00:00:00+02:00" }));
    expect(july.items.map((i) => i.id)).toEqual([ids.a, ids.b]);
    expect(july.items[0]).toMatchObject({ name: "a.jpg", favorite: false, thumbnails: { sm: true, md: true } });
  });

  it("moves assets between timeline, favorites, archive and trash in bulk", async () => {
    const { updateAssets } = await import("@/lib/assets/update-assets");
    const { listTimelineDays } = await import("@/lib/assets/list-timeline-days");
    const total = async (view: "timeline" | "favorites" | "archive" | "trash") => (await listTimelineDays(lib.db, { view, tz: 0 })).total;
    const favorited = await updateAssets(lib.db, { ids: [ids.a!, ids.b!], favorite: true });
    expect([favorited.updated, favorited.changed.sort()]).toEqual([2, [ids.a, ids.b].sort()]);
    await updateAssets(lib.db, { ids: [ids.c!], archived: true });
    // What Undo flips back: only the photos this change really changed.
    expect((await updateAssets(lib.db, { ids: [ids.b!, ids.c!], archived: true })).changed).toEqual([ids.b]);
    await updateAssets(lib.db, { ids: [ids.b!], archived: false });
    expect([await total("timeline"), await total("favorites"), await total("archive")]).toEqual([3, 2, 1]);
    await updateAssets(lib.db, { ids: [ids.b!], trashed: true });
    expect([await total("timeline"), await total("favorites"), await total("trash")]).toEqual([2, 1, 1]);
    await updateAssets(lib.db, { ids: [ids.b!, ids.c!], trashed: false, archived: false });
    expect([await total("timeline"), await total("trash")]).toEqual([4, 0]);
    await expect(updateAssets(lib.db, { ids: [ids.a!, "nope"], favorite: false })).rejects.toMatchObject({ code: "not_found" });
    const before = await stale(ids.d!);
    await updateAssets(lib.db, { ids: [ids.d!], description: "grandma's birthday" });
    expect(await stale(ids.d!)).toBe(before + 1);
  });
});

describe("albums", () => {
  it("create, add, cover, sort, rename (search stale), remove, delete", async () => {
    const { createAlbum } = await import("@/lib/albums/create-album");
    const { addAlbumAssets } = await import("@/lib/albums/add-album-assets");
    const { removeAlbumAssets } = await import("@/lib/albums/remove-album-assets");
    const { updateAlbum } = await import("@/lib/albums/update-album");
    const { getAlbum } = await import("@/lib/albums/get-album");
    const { listAlbums } = await import("@/lib/albums/list-albums");
    const { deleteAlbum } = await import("@/lib/albums/delete-album");
    const staleA = await stale(ids.a!);
    const { id } = await createAlbum(lib.db, { title: "Summer", assetIds: [ids.a!] });
    expect(await stale(ids.a!)).toBe(staleA + 1);
    expect(await addAlbumAssets(lib.db, id, [ids.a!, ids.c!])).toEqual({ added: 1 });
    let [album] = await listAlbums(lib.db);
    expect(album).toMatchObject({ title: "Summer", count: 2, coverAssetId: ids.a, from: "2022-07-15T09:00:00.000Z", to: "2023-07-14T22:30:00.000Z" });
    await expect(updateAlbum(lib.db, id, { coverAssetId: ids.d! })).rejects.toMatchObject({ code: "invalid_input" });
    await updateAlbum(lib.db, id, { coverAssetId: ids.c!, sort: "oldest" });
    expect((await getAlbum(lib.db, id)).items.map((i) => i.id)).toEqual([ids.c, ids.a]);
    expect((await listAlbums(lib.db))[0]!.coverAssetId).toBe(ids.c);
    const staleC = await stale(ids.c!);
    await updateAlbum(lib.db, id, { title: "Summers" });
    expect(await stale(ids.c!)).toBe(staleC + 1);
    expect(await removeAlbumAssets(lib.db, id, [ids.c!])).toEqual({ removed: 1 });
    [album] = await listAlbums(lib.db);
    expect(album).toMatchObject({ title: "Summers", count: 1, coverAssetId: ids.a });
    await deleteAlbum(lib.db, id);
    expect(await listAlbums(lib.db)).toEqual([]);
    expect(await lib.db.asset.count()).toBe(4);
    await expect(deleteAlbum(lib.db, id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("memories", () => {
  it("finds the same days in earlier years, grouped by year", async () => {
    const { listMemories } = await import("@/lib/memories/list-memories");
    const { memories } = await listMemories(lib.db, { date: "2025-07-13", around: 3, tz: 0 });
    expect(memories.map((m) => [m.year, m.yearsAgo, m.items.length])).toEqual([[2023, 2, 2], [2022, 3, 1]]);
    expect((await listMemories(lib.db, { date: "2025-07-13", around: 0, tz: 0 })).memories).toEqual([]);
  });
});

describe("trash purge", () => {
  it("deletes rows and files of trashed assets only, by age or all; a re-upload rescues a trashed photo", async () => {
    const { updateAssets } = await import("@/lib/assets/update-assets");
    const { purgeTrash } = await import("@/lib/assets/purge-trash");
    const { originalPath, derivedDir } = await import("@/lib/server/paths");
    const rowOf = (id: string) => lib.db.asset.findUniqueOrThrow({ where: { id } });
    const d = await rowOf(ids.d!);
    await updateAssets(lib.db, { ids: [ids.d!] , trashed: true }, new Date("2020-01-01T00:00:00Z"));
    await updateAssets(lib.db, { ids: [ids.c!], trashed: true });
    expect(await purgeTrash(lib, { ids: [ids.a!] })).toEqual({ purged: 0, filesDeleted: 0 });
    expect(await purgeTrash(lib, { trashedBefore: new Date("2021-01-01T00:00:00Z") })).toEqual({ purged: 1, filesDeleted: 1 });
    expect(fs.existsSync(originalPath(lib.paths, d.sha256, d.ext))).toBe(false);
    expect(fs.existsSync(derivedDir(lib.paths, d.sha256))).toBe(false);
    expect(await lib.db.asset.count()).toBe(3);

    // The same bytes sent again while in the trash: "duplicate", and out of the trash.
    const c = await rowOf(ids.c!);
    const again = await ingest("again.jpg", fs.readFileSync(originalPath(lib.paths, c.sha256, c.ext)), "2022-07-15T09:00:00Z");
    expect(again).toMatchObject({ status: "duplicate", assetId: ids.c });
    expect((await rowOf(ids.c!)).trashedAt).toBeNull();
    expect(await purgeTrash(lib, { all: true })).toEqual({ purged: 0, filesDeleted: 0 });
    expect(fs.existsSync(originalPath(lib.paths, c.sha256, c.ext))).toBe(true);
  });
});

describe("admin data", () => {
  it("job progress, retry of failures, re-run over the library", async () => {
    const { getJobProgress } = await import("@/lib/jobs/get-job-progress");
    const { retryJobs } = await import("@/lib/jobs/retry-jobs");
    const { rerunJobs } = await import("@/lib/jobs/rerun-jobs");
    const thumbnails = (await getJobProgress(lib.db, lib.config)).kinds.find((k) => k.kind === "thumbnail")!;
    expect(thumbnails).toMatchObject({ done: 3, pending: 0, failed: 0 });
    expect(thumbnails.perMinute).toBeGreaterThan(0);
    await lib.db.job.updateMany({ where: { kind: "thumbnail", assetId: ids.a }, data: { status: "failed", lastError: "boom" } });
    const progress = await getJobProgress(lib.db, lib.config);
    expect(progress.failures).toEqual([expect.objectContaining({ kind: "thumbnail", assetId: ids.a, lastError: "boom" })]);
    expect(await retryJobs(lib.db, { kind: "thumbnail" })).toEqual({ retried: 1 });
    expect(await rerunJobs(lib.db, { kind: "thumbnail" })).toEqual({ queued: 3 });
    expect((await getJobProgress(lib.db, lib.config)).kinds.find((k) => k.kind === "thumbnail")).toMatchObject({ pending: 3, done: 0 });
    await lib.drain();
    expect((await getJobProgress(lib.db, lib.config)).kinds.find((k) => k.kind === "thumbnail")).toMatchObject({ pending: 0, done: 3 });
  });

  it("audit log filters and status totals", async () => {
    const { listIngestAudit } = await import("@/lib/audit/list-ingest-audit");
    const { getLibraryStatus } = await import("@/lib/admin/get-library-status");
    const all = await listIngestAudit(lib.db, { limit: 2 });
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).toMatchObject({ originalName: "again.jpg", outcome: "duplicate" });
    const older = await listIngestAudit(lib.db, { limit: 50, cursor: all.nextCursor! });
    expect(older.items.map((i) => i.originalName)).toEqual(["c.jpg", "b.jpg", "a.jpg"]);
    expect((await listIngestAudit(lib.db, { limit: 50, outcome: "duplicate" })).items).toHaveLength(1);
    expect((await listIngestAudit(lib.db, { limit: 50, q: "b.j" })).items.map((i) => i.originalName)).toEqual(["b.jpg"]);
    const status = await getLibraryStatus(lib);
    expect(status.storage.originals.files).toBe(3);
    expect(status.storage.derived.bytes).toBeGreaterThan(0);
    expect(status.storage.database.bytes).toBeGreaterThan(0);
    expect(status.trashDays).toBe(30);
    expect(status.backup.health.targets).toEqual([expect.objectContaining({ kind: "folder", target: lib.config.backupDir, lastBackupAt: null })]);
  });
});
