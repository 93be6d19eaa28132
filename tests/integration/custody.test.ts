// Custody on a real library (issue 12 points 0–1, issue 13 finding 8 for the trash): the purge
// works in batches past SQLite's 999-variable limit (DELETE /api/trash and the worker's automatic
// purge), a purge that does not commit leaves every file in place, the graveyard is settled after a
// crash, and a backup holding the graveyard still finds originals purged after its snapshot.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, listOriginals, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_BYTES_PER_MINUTE: "0" });
});
afterAll(async () => lib?.cleanup());

const shaOf = (text: string) => createHash("sha256").update(text).digest("hex");

/** `count` rows with their original and a derived folder on disk, trashed at `trashedAt` (fast: no decoding). */
async function seed(count: number, trashedAt: Date | null, tag = randomUUID()): Promise<{ ids: string[]; files: string[] }> {
  const { originalPath, derivedDir } = await import("@/lib/server/paths");
  const rows = Array.from({ length: count }, (_, i) => {
    const content = `${tag}-${i}`;
    return { id: randomUUID(), sha256: shaOf(content), content };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await lib.db.asset.createMany({
      data: rows.slice(i, i + 200).map((r) => ({
        id: r.id, sha256: r.sha256, kind: "photo", mimeType: "image/jpeg", ext: "jpg", size: BigInt(r.content.length),
        originalName: "x.jpg", source: "upload", capturedAt: new Date(), capturedAtSource: "upload", trashedAt,
      })),
    });
  }
  const files = rows.map((r) => {
    const file = originalPath(lib.paths, r.sha256, "jpg");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, r.content);
    fs.mkdirSync(derivedDir(lib.paths, r.sha256), { recursive: true });
    fs.writeFileSync(path.join(derivedDir(lib.paths, r.sha256), "thumb-sm.webp"), "t");
    return file;
  });
  return { ids: rows.map((r) => r.id), files };
}

describe("trash purge in batches (more than 999 items)", () => {
  it("empties 1,200 trashed items through DELETE /api/trash, by ids and whole", async () => {
    const route = await import("@/app/api/trash/route");
    const kept = await seed(3, null);
    const byIds = await seed(1200, new Date());
    const del = (body: unknown) => lib.call(route.DELETE, { url: "/api/trash", method: "DELETE", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const res = await del({ ids: [...byIds.ids, ...kept.ids] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ purged: 1200, filesDeleted: 1200 });
    const whole = await seed(1100, new Date());
    expect(await (await del({ all: true })).json()).toEqual({ purged: 1100, filesDeleted: 1100 });
    for (const file of [...byIds.files, ...whole.files]) expect(fs.existsSync(file)).toBe(false);
    for (const file of kept.files) expect(fs.existsSync(file)).toBe(true);
    expect(await lib.db.asset.count()).toBe(3);
    expect(fs.readdirSync(path.join(lib.paths.root, "graveyard"))).toEqual([]);
  });

  it("empties 1,200 expired items in the worker's maintenance tick", async () => {
    const { maintenanceTick } = await import("@/lib/maintenance/run-maintenance");
    const { createLogger } = await import("@/lib/server/logger");
    const expired = await seed(1200, new Date(Date.now() - 40 * 86_400_000));
    const recent = await seed(5, new Date());
    await maintenanceTick({ db: lib.db, paths: lib.paths, config: lib.config, log: createLogger("test", "error") }, 60_000);
    expect(await lib.db.asset.count({ where: { id: { in: expired.ids.slice(0, 900) } } })).toBe(0);
    expect(await lib.db.asset.count()).toBe(3 + 5);
    for (const file of expired.files) expect(fs.existsSync(file)).toBe(false);
    for (const file of recent.files) expect(fs.existsSync(file)).toBe(true);
  });
});

describe("a purge that does not commit", () => {
  it("puts back what it moved when its transaction fails, and start-up settles what a crash left", async () => {
    const { openBurial } = await import("@/lib/custody/bury-unreferenced");
    const { settleGraveyard } = await import("@/lib/custody/settle-graveyard");
    const { ids, files } = await seed(4, new Date());
    const rows = await lib.db.asset.findMany({ where: { id: { in: ids } }, select: { sha256: true, ext: true } });
    const before = listOriginals(lib.paths);
    const failing = openBurial(lib.paths);
    await expect(
      lib.db.$transaction(async (tx) => {
        await tx.asset.deleteMany({ where: { id: { in: ids } } });
        await failing.bury(tx, rows);
        throw new Error("disk trouble");
      }),
    ).rejects.toThrow("disk trouble");
    for (const file of files) expect(fs.existsSync(file)).toBe(false); // moved, rows back: what a crash here leaves
    await failing.undo();
    expect(listOriginals(lib.paths)).toEqual(before);
    // Same again, but the process "dies" before undo: settling (start-up, next purge, maintenance) restores.
    const crashed = openBurial(lib.paths);
    await lib.db.$transaction(async (tx) => {
      await tx.asset.deleteMany({ where: { id: { in: ids } } });
      await crashed.bury(tx, rows);
      throw new Error("killed");
    }).catch(() => {});
    expect(await settleGraveyard(lib.db, lib.paths)).toMatchObject({ restored: 4, held: false });
    expect(listOriginals(lib.paths)).toEqual(before);
    expect(await lib.db.asset.count({ where: { id: { in: ids } } })).toBe(4);
  });
});

describe("purge vs backup", () => {
  it("a backup holding the graveyard copies an original purged after its snapshot; it is unlinked afterwards", async () => {
    const { holdGraveyard } = await import("@/lib/custody/hold-graveyard");
    const { withOriginal } = await import("@/lib/custody/find-original");
    const { purgeTrash } = await import("@/lib/assets/purge-trash");
    const { settleGraveyard } = await import("@/lib/custody/settle-graveyard");
    const { ids, files } = await seed(2, new Date());
    const shas = (await lib.db.asset.findMany({ where: { id: { in: ids } } })).map((a) => a.sha256);
    const release = await holdGraveyard(lib.paths); // the backup took its snapshot: both rows in it
    expect(await purgeTrash(lib, { ids })).toEqual({ purged: 2, filesDeleted: 2 });
    for (const file of files) expect(fs.existsSync(file)).toBe(false);
    const read: string[] = [];
    for (const sha of shas) expect(await withOriginal(lib.paths, sha, "jpg", async (file) => void read.push(shaOf(fs.readFileSync(file, "utf8"))))).toBe(true);
    expect(read).toEqual(shas);
    await release();
    expect(await settleGraveyard(lib.db, lib.paths)).toMatchObject({ removed: 1, held: false });
    for (const sha of shas) expect(await withOriginal(lib.paths, sha, "jpg", async () => {})).toBe(false);
  });
});
