// The import folder (ALBUMS_IMPORT_DIR) on a real temp library, fed the way Syncthing writes:
// `.syncthing.NAME.tmp` written in chunks, its mtime set to the phone's, then renamed to NAME; a
// file still growing under its final name; temp names and Syncthing's own folders; an unsupported
// file. Each poll is called directly (the worker calls the same function on a timer), so "not
// before it is complete" is checked poll by poll. Then the move option (ALBUMS_IMPORT_MOVE) and
// the status the settings screen shows.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollSummary } from "@/lib/import-folder/poll-import-folder";
import type { JobContext } from "@/lib/queue/handler";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-import-dir-"));
let lib: TestLibrary;
let ctx: JobContext;
let poll: (context?: JobContext) => Promise<PollSummary | null>;

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_IMPORT_DIR: importDir, ALBUMS_ENRICHMENT: "none" });
  const { createLogger } = await import("@/lib/server/logger");
  const { pollImportFolder } = await import("@/lib/import-folder/poll-import-folder");
  ctx = { db: lib.db, paths: lib.paths, config: lib.config, log: createLogger("test", "error") };
  poll = (context = ctx) => pollImportFolder(context);
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(importDir, { recursive: true, force: true });
});

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const at = (rel: string) => path.join(importDir, ...rel.split("/"));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function photo(seed: number, size = 64): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 3);
  let x = seed >>> 0;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

/** Writes `data` the way Syncthing does: a temp name in chunks (polling in between), the source's mtime, then a rename. */
async function syncthingWrite(rel: string, data: Buffer, mtime: Date, between: () => Promise<unknown>): Promise<void> {
  const temp = path.join(path.dirname(at(rel)), `.syncthing.${path.basename(rel)}.tmp`);
  fs.mkdirSync(path.dirname(temp), { recursive: true });
  const chunk = Math.ceil(data.length / 3);
  for (let offset = 0; offset < data.length; offset += chunk) {
    fs.appendFileSync(temp, data.subarray(offset, offset + chunk));
    await pause(5);
    await between();
  }
  fs.utimesSync(temp, mtime, mtime);
  await between();
  fs.renameSync(temp, at(rel));
}

const assetsOf = (sha256: string) => lib.db.asset.findMany({ where: { sha256 } });
const watchAudit = () => lib.db.ingestAudit.findMany({ where: { source: "watch" }, orderBy: { id: "asc" } });

describe("import folder fed by partial writes", () => {
  it("ingests each Syncthing-written file once, only after its rename and two unchanged polls", async () => {
    const data = await photo(1);
    const mtime = new Date("2024-06-01T10:00:00Z");
    await syncthingWrite("DCIM/Camera/IMG_0001.jpg", data, mtime, async () => {
      await poll();
      expect(await lib.db.asset.count()).toBe(0);
    });
    expect(await poll()).toMatchObject({ files: 1, ingested: 0 }); // first sight of the final name: recorded, waiting
    expect(await lib.db.asset.count()).toBe(0);
    expect(await poll()).toMatchObject({ files: 1, ingested: 1 });
    const [asset] = await assetsOf(sha(data));
    expect(asset).toMatchObject({ source: "watch", originalName: "IMG_0001.jpg", capturedAt: mtime });
    for (let i = 0; i < 3; i += 1) expect(await poll()).toMatchObject({ ingested: 0, duplicates: 0 });
    expect(await lib.db.asset.count()).toBe(1);
    expect(await watchAudit()).toHaveLength(1);
    expect(fs.readFileSync(at("DCIM/Camera/IMG_0001.jpg")).equals(data)).toBe(true); // left in place (move is off)
  });

  it("waits for a file still growing under its final name and ingests it whole", async () => {
    const data = await photo(2, 160);
    const rel = "DCIM/Camera/IMG_0002.jpg";
    const chunk = Math.ceil(data.length / 4);
    for (let offset = 0; offset < data.length; offset += chunk) {
      fs.appendFileSync(at(rel), data.subarray(offset, offset + chunk));
      expect(await poll()).toMatchObject({ ingested: 0, skipped: 0, failed: 0 });
    }
    expect(await assetsOf(sha(data))).toHaveLength(0);
    expect(await poll()).toMatchObject({ ingested: 1 });
    expect(await assetsOf(sha(data))).toHaveLength(1);
    expect(await lib.db.asset.count()).toBe(2);
  });

  it("never ingests temp names, dotfiles or Syncthing's folders, and leaves unsupported files with a reason", async () => {
    const hidden = await photo(3);
    for (const rel of [".syncthing.IMG_9.jpg.tmp", "~syncthing~IMG_9.jpg.tmp", "IMG_9.jpg.partial", "IMG_9.jpg.crdownload", "VID_9.mp4.part", ".stversions/IMG_8.jpg", ".stfolder/x.jpg", "Camera/.hidden.jpg"]) {
      fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
      fs.writeFileSync(at(rel), hidden);
    }
    fs.writeFileSync(at("notes.bin"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    await poll();
    expect(await poll()).toMatchObject({ ingested: 0, skipped: 1 });
    expect(await poll()).toMatchObject({ skipped: 0 }); // not retried while unchanged
    expect(await assetsOf(sha(hidden))).toHaveLength(0);
    const rows = await lib.db.importFolderFile.findMany({ orderBy: { path: "asc" } });
    expect(rows.map((r) => r.path)).toEqual(["DCIM/Camera/IMG_0001.jpg", "DCIM/Camera/IMG_0002.jpg", "notes.bin"]);
    expect(rows[2]).toMatchObject({ state: "skipped", reason: expect.stringMatching(/not a photo, video or document/) });
    expect(fs.existsSync(at("notes.bin"))).toBe(true);
  });

  it("restart-safe: a file ingested before its ledger row was written answers duplicate, no second asset", async () => {
    const data = await photo(4);
    fs.writeFileSync(at("IMG_0004.jpg"), data);
    await poll();
    await poll();
    expect(await assetsOf(sha(data))).toHaveLength(1);
    // A crash after the ingest committed and before the ledger said so: the row still says waiting.
    await lib.db.importFolderFile.updateMany({ where: { path: "IMG_0004.jpg" }, data: { state: "waiting", sha256: null, assetId: null } });
    expect(await poll()).toMatchObject({ ingested: 0, duplicates: 1 });
    expect(await assetsOf(sha(data))).toHaveLength(1);
    expect(await lib.db.asset.count()).toBe(3);
  });

  it("with ALBUMS_IMPORT_MOVE moves ingested files to imported/ (same relative path, never overwriting) and leaves refused ones", async () => {
    const move = { ...ctx, config: { ...ctx.config, importFolder: { ...ctx.config.importFolder!, move: true } } };
    const taken = Buffer.from("the owner's own file, already there");
    fs.mkdirSync(at("imported/DCIM/Camera"), { recursive: true });
    fs.writeFileSync(at("imported/DCIM/Camera/IMG_0001.jpg"), taken);
    const fresh = await photo(5);
    const phoneTime = new Date("2024-06-05T08:00:00Z");
    fs.writeFileSync(at("DCIM/Camera/IMG_0005.jpg"), fresh);
    fs.utimesSync(at("DCIM/Camera/IMG_0005.jpg"), phoneTime, phoneTime);
    expect(await poll(move)).toMatchObject({ ingested: 0, moved: 3 }); // those ingested before; the new file is first seen
    expect(await poll(move)).toMatchObject({ ingested: 1, moved: 1 });
    expect(fs.readFileSync(at("imported/DCIM/Camera/IMG_0001.jpg")).equals(taken)).toBe(true);
    expect(fs.readFileSync(at("imported/DCIM/Camera/IMG_0001 (1).jpg")).equals(await photo(1))).toBe(true);
    expect(fs.readFileSync(at("imported/DCIM/Camera/IMG_0005.jpg")).equals(fresh)).toBe(true);
    for (const rel of ["imported/DCIM/Camera/IMG_0002.jpg", "imported/IMG_0004.jpg", "notes.bin", ".syncthing.IMG_9.jpg.tmp"]) expect(fs.existsSync(at(rel)), rel).toBe(true);
    for (const rel of ["DCIM/Camera/IMG_0001.jpg", "DCIM/Camera/IMG_0002.jpg", "DCIM/Camera/IMG_0005.jpg", "IMG_0004.jpg"]) expect(fs.existsSync(at(rel)), rel).toBe(false);
    expect(await poll(move)).toMatchObject({ files: 1, ingested: 0, moved: 0 }); // imported/ is never polled
    expect(await lib.db.asset.count()).toBe(4);
    // Syncthing's "Revert Local Changes" brings a moved file back, same bytes and mtime: known, left alone.
    fs.copyFileSync(at("imported/DCIM/Camera/IMG_0005.jpg"), at("DCIM/Camera/IMG_0005.jpg"));
    fs.utimesSync(at("DCIM/Camera/IMG_0005.jpg"), phoneTime, phoneTime);
    for (let i = 0; i < 2; i += 1) expect(await poll(move)).toMatchObject({ files: 2, ingested: 0, duplicates: 0, moved: 0 });
    expect(fs.existsSync(at("DCIM/Camera/IMG_0005.jpg"))).toBe(true);
    fs.rmSync(at("DCIM/Camera/IMG_0005.jpg"));
  });

  it("shows the folder, last poll, counts and refused files in settings", async () => {
    const { GET } = await import("@/app/api/admin/import-folder/route");
    const response = await lib.call(GET, { url: "/api/admin/import-folder" });
    const { importFolder } = await response.json();
    expect(importFolder).toMatchObject({
      folder: importDir, move: false, error: null,
      counts: { waiting: 0, ingested: 0, moved: 4, skipped: 1, failed: 0 },
      problems: [{ path: "notes.bin", state: "skipped", reason: expect.any(String) }],
    });
    expect(Date.now() - Date.parse(importFolder.lastPollAt)).toBeLessThan(60_000);
  });

  it("changes nothing while the folder cannot be read (an unmounted share)", async () => {
    fs.renameSync(importDir, `${importDir}-away`);
    try {
      expect(await poll()).toBeNull();
      expect(await lib.db.importFolderFile.count()).toBe(5);
      const { getImportFolderStatus } = await import("@/lib/import-folder/get-import-folder-status");
      expect((await getImportFolderStatus(lib.db, lib.config))?.error).toMatch(/ENOENT/);
    } finally {
      fs.renameSync(`${importDir}-away`, importDir);
    }
  });
});
