// `npm run backup` / restore on a real library: online snapshot + verified originals + manifest,
// incremental runs, retention, restore into an empty folder (and refusal of a non-empty one),
// and RELIABILITY scenario 9: a backup taken while the real server ingests is a consistent snapshot.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackupManifest } from "@/lib/backup/create-backup";
import { spawnApp, uploadSlowly } from "../support/app-process";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let backup: typeof import("@/lib/backup/create-backup");
let restore: typeof import("@/lib/backup/restore-backup");
const dest = fs.mkdtempSync(path.join(os.tmpdir(), "albums-backup-"));
const restored = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "albums-restored-")), "data");

async function png(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 60, channels: 3, background: { r: seed % 256, g: (seed * 3) % 256, b: 7 } } }).png().toBuffer();
}

async function ingest(seed: number): Promise<string> {
  const route = await import("@/app/api/ingest/route");
  const res = await lib.call(route.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `p${seed}.png`, data: await png(seed) }) });
  return ((await res.json()) as { assetId: string }).assetId;
}

function manifestOf(snapshot: string): BackupManifest {
  return JSON.parse(fs.readFileSync(path.join(snapshot, "manifest.json"), "utf8")) as BackupManifest;
}

beforeAll(async () => {
  lib = await createTestLibrary();
  backup = await import("@/lib/backup/create-backup");
  restore = await import("@/lib/backup/restore-backup");
  for (let i = 0; i < 5; i += 1) await ingest(i);
  await lib.drain();
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(dest, { recursive: true, force: true });
  fs.rmSync(path.dirname(restored), { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("writes a verified snapshot: database copy, originals with hashes, manifest", async () => {
    const result = await backup.createBackup(lib.paths, dest, 7, new Date("2030-01-01T00:00:00Z"));
    expect(result).toMatchObject({ assets: 5, copied: 5, missing: [] });
    const manifest = manifestOf(result.snapshot);
    expect(manifest.assets).toHaveLength(5);
    const { hashFile } = await import("@/lib/server/storage");
    for (const asset of manifest.assets) expect(await hashFile(backup.storePath(path.join(dest, "originals"), asset))).toBe(asset.sha256);
    const db = new Database(path.join(result.snapshot, "albums.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const again = await backup.createBackup(lib.paths, dest, 7, new Date("2030-01-02T00:00:00Z"));
    expect(again).toMatchObject({ assets: 5, copied: 0 });
    // A second backup started at the same instant (a press of "Back up now" right after the scheduled one) keeps a folder of its own.
    const twin = await backup.createBackup(lib.paths, dest, 7, new Date("2030-01-02T00:00:00Z"));
    expect([path.basename(again.snapshot), path.basename(twin.snapshot)]).toEqual(["20300102T000000000Z", "20300102T000000001Z"]);
  });

  it("keeps only the newest snapshots and drops originals no kept snapshot needs", async () => {
    const gone = await ingest(99);
    const a = (await lib.db.asset.findUnique({ where: { id: gone } }))!;
    await backup.createBackup(lib.paths, dest, 7, new Date("2030-01-03T00:00:00Z"));
    await lib.db.asset.delete({ where: { id: gone } });
    const stored = backup.storePath(path.join(dest, "originals"), a);
    expect(fs.existsSync(stored)).toBe(true);
    const result = await backup.createBackup(lib.paths, dest, 1, new Date("2030-01-04T00:00:00Z"));
    expect(result.pruned).toEqual(["20300101T000000000Z", "20300102T000000000Z", "20300102T000000001Z", "20300103T000000000Z"]);
    expect(await backup.listSnapshots(dest)).toEqual(["20300104T000000000Z"]);
    expect(fs.existsSync(stored)).toBe(false);
  });

  it("restores into an empty folder that then starts as the same library, and refuses a non-empty one", async () => {
    const result = await restore.restoreBackup(dest, restored);
    expect(result).toEqual({ snapshot: "20300104T000000000Z", assets: 5 });
    const { parseConfig } = await import("@/lib/config");
    const { prepareLibrary } = await import("@/lib/server/prepare-library");
    const { createLogger } = await import("@/lib/server/logger");
    const paths = await prepareLibrary(parseConfig({ ALBUMS_DATA_DIR: restored }), createLogger("t", "error"));
    const db = new Database(paths.database, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Asset"`).get()).toEqual({ n: 5 });
    db.close();
    await expect(restore.restoreBackup(dest, restored)).rejects.toThrow(/not empty/);
  });

  it("npm run backup and npm run restore work as commands", () => {
    const env = { ...process.env, ALBUMS_DATA_DIR: lib.paths.root, ALBUMS_BACKUP_DIR: path.join(dest, "cli") };
    const out = execFileSync("npm", ["run", "--silent", "backup"], { env, cwd: path.resolve(import.meta.dirname, "../..") }).toString();
    expect(out).toBe(`${path.join(dest, "cli")}: snapshot ${(/snapshot (\d{8}T\d{9}Z)/.exec(out) ?? [])[1]}: 5 originals, verified\n`);
    const target = path.join(path.dirname(restored), "cli-restore");
    const restoredOut = execFileSync("npm", ["run", "--silent", "restore", "--", path.join(dest, "cli"), target], { env, cwd: path.resolve(import.meta.dirname, "../..") }).toString();
    expect(restoredOut).toMatch(/5 originals verified/);
  });

  it("restore drill: the data dir is lost, the library comes back from the folder, every original re-hashes", async () => {
    fs.mkdirSync(path.join(lib.paths.root, "journal"), { recursive: true });
    fs.writeFileSync(path.join(lib.paths.root, "journal", "000001.jsonl"), `{"op":"album.create","title":"Trip"}\n`);
    const snapshot = (await backup.createBackup(lib.paths, dest, 7, new Date("2030-02-01T00:00:00Z"))).snapshot;
    const { verifyFolderBackup } = await import("@/lib/backup/verify-folder-backup");
    expect(await verifyFolderBackup(dest)).toEqual({ snapshot: path.basename(snapshot), checked: 5 });
    const assets = (db: Database.Database) => db.prepare(`SELECT id, sha256, ext FROM "Asset" ORDER BY id`).all() as { id: string; sha256: string; ext: string }[];
    const live = new Database(lib.paths.database, { readonly: true });
    const expected = assets(live);
    live.close();
    await lib.db.$disconnect();
    fs.rmSync(lib.paths.root, { recursive: true, force: true });
    expect(await restore.restoreBackup(dest, lib.paths.root)).toEqual({ snapshot: path.basename(snapshot), assets: 5 });
    const back = new Database(lib.paths.database, { readonly: true });
    expect(back.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(assets(back)).toEqual(expected);
    back.close();
    const { hashFile } = await import("@/lib/server/storage");
    const { originalPath } = await import("@/lib/server/paths");
    for (const asset of expected) expect(await hashFile(originalPath(lib.paths, asset.sha256, asset.ext))).toBe(asset.sha256);
    expect(fs.readFileSync(path.join(lib.paths.root, "journal", "000001.jsonl"), "utf8")).toContain("album.create");
  });

  it("verification finds a damaged original in the backup folder", async () => {
    const { verifyFolderBackup } = await import("@/lib/backup/verify-folder-backup");
    const manifest = manifestOf(path.join(dest, "snapshots", (await backup.listSnapshots(dest)).at(-1)!));
    fs.appendFileSync(backup.storePath(path.join(dest, "originals"), manifest.assets[0]!), "rot");
    await expect(verifyFolderBackup(dest)).rejects.toThrow(new RegExp(`damaged: 1 file\\(s\\) unreadable or changed \\(${manifest.assets[0]!.sha256}\\)`));
  });
});

describe("scenario 9: backup during ingest", () => {
  it("is a consistent snapshot that passes integrity_check while uploads land", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-live-"));
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-live-backup-"));
    const app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_EVERY_HOURS: "0" }, { waitFor: (h) => h.worker?.alive === true });
    try {
      const { libraryPaths } = await import("@/lib/server/paths");
      const paths = libraryPaths(dataDir);
      let uploading = true;
      const uploads = (async () => {
        for (let i = 0; i < 40; i += 1) await uploadSlowly(app.port, `live-${i}.png`, await png(1000 + i), { pauseMs: 0 });
        uploading = false;
      })();
      const snapshots: string[] = [];
      while (uploading) {
        snapshots.push((await backup.createBackup(paths, backupDir, 1000, new Date(Date.now() + snapshots.length * 1000))).snapshot);
        await new Promise((r) => setTimeout(r, 150));
      }
      await uploads;
      expect(snapshots.length).toBeGreaterThan(1);
      for (const snapshot of snapshots) {
        const db = new Database(path.join(snapshot, "albums.db"), { readonly: true });
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const rows = db.prepare(`SELECT sha256 FROM "Asset" ORDER BY sha256`).all() as { sha256: string }[];
        const withoutName = db.prepare(`SELECT COUNT(*) AS n FROM "Asset" a WHERE NOT EXISTS (SELECT 1 FROM "AssetName" n WHERE n.assetId = a.id)`).get() as { n: number };
        db.close();
        expect(withoutName.n).toBe(0); // rows and their names committed together
        expect(manifestOf(snapshot).assets.map((a) => a.sha256)).toEqual(rows.map((r) => r.sha256));
        expect(manifestOf(snapshot).missing).toEqual([]);
      }
    } finally {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(backupDir, { recursive: true, force: true });
    }
  });
});
