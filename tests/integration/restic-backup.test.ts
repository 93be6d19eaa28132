// The off-box backup through restic, against a real repository on another filesystem (a tmpfs
// mounted for the test; the CI runs as root): the worker's scheduled backup of a consistent
// snapshot + originals + journal, verification that re-reads every byte, recorded failures retried
// an hour later, damage found by the verification, the sftp back end, and the restore drill: lose the data dir,
// restore from the repository, every original re-hashes and the database lists the same assets.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobContext } from "@/lib/queue/handler";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

const HOUR = 3_600_000;
const mount = fs.mkdtempSync(path.join(os.tmpdir(), "albums-offbox-"));
const secrets = fs.mkdtempSync(path.join(os.tmpdir(), "albums-secret-"));
const passwordFile = path.join(secrets, "restic-password");
const repository = path.join(mount, "repo");
let lib: TestLibrary;
let ctx: JobContext;
let backups: typeof import("@/lib/backup/run-scheduled-backups");
let status: typeof import("@/lib/backup/backup-status");
let health: typeof import("@/lib/backup/get-backup-health");

async function ingest(seed: number): Promise<void> {
  const route = await import("@/app/api/ingest/route");
  const data = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed * 40, g: 90, b: 200 - seed } } }).png().toBuffer();
  expect((await lib.call(route.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `p${seed}.png`, data }) })).status).toBe(201);
}

function assetsOf(database: string): { id: string; sha256: string; ext: string }[] {
  const db = new Database(database, { readonly: true });
  try {
    return db.prepare(`SELECT id, sha256, ext FROM "Asset" ORDER BY id`).all() as { id: string; sha256: string; ext: string }[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=256m", "tmpfs", mount]);
  fs.writeFileSync(passwordFile, "correct horse battery staple\n", { mode: 0o600 });
  lib = await createTestLibrary({ ALBUMS_BACKUP_REPOSITORY: repository, ALBUMS_BACKUP_PASSWORD_FILE: passwordFile, ALBUMS_BACKUP_DIR: path.join(secrets, "folder") });
  const { createLogger } = await import("@/lib/server/logger");
  ctx = { db: lib.db, paths: lib.paths, config: lib.config, log: createLogger("test", "error") };
  backups = await import("@/lib/backup/run-scheduled-backups");
  status = await import("@/lib/backup/backup-status");
  health = await import("@/lib/backup/get-backup-health");
  for (let i = 0; i < 4; i += 1) await ingest(i);
  // A decision the originals do not carry: it lives in the journal, which the backup must include.
  const { createAlbum } = await import("@/lib/albums/create-album");
  await createAlbum(lib.db, { title: "Trip" });
});
afterAll(async () => {
  await lib?.cleanup();
  execFileSync("umount", [mount]);
  fs.rmSync(mount, { recursive: true, force: true });
  fs.rmSync(secrets, { recursive: true, force: true });
});

describe("off-box backup with restic (scenario 27)", () => {
  it("backs up and verifies on schedule; health sees a target off this disk", async () => {
    const before = await health.getBackupHealth(lib);
    expect(before.sameFilesystem).toBe(false);
    expect(before.target).toBe(repository);
    expect(before.warnings.map((w) => w.message)).toContain(`No backup to ${repository} yet.`);
    const now = new Date();
    expect(await backups.runScheduledBackups(ctx, { now })).toEqual([]);
    const state = await status.readBackupState(lib.db, "restic");
    expect(state).toMatchObject({ lastError: null, failures: 0, verifiedAt: now.toISOString(), verifyError: null, last: { assets: 4, missing: 0 } });
    const snapshots = JSON.parse(execFileSync("restic", ["snapshots", "--json"], { env: { ...process.env, RESTIC_REPOSITORY: repository, RESTIC_PASSWORD_FILE: passwordFile } }).toString()) as { short_id: string }[];
    expect(snapshots.map((s) => s.short_id)).toEqual([state.last!.snapshot]);
    const after = await health.getBackupHealth(lib, new Date(now.getTime() + HOUR));
    expect(after).toMatchObject({ target: repository, sameFilesystem: false, lastError: null, ageHours: 1, verifiedAt: now.toISOString() });
    expect(after.targets.find((t) => t.kind === "folder")).toMatchObject({ sameFilesystem: true });
    expect(after.warnings).toEqual([]);
    expect((await health.getBackupHealth(lib, new Date(now.getTime() + 49 * HOUR))).warnings.map((w) => w.message)).toContain(`The last backup to ${repository} is 49 hours old.`);
    // Not due again within the interval: no second snapshot.
    await backups.runScheduledBackups(ctx, { now: new Date(now.getTime() + HOUR) });
    expect((await status.readBackupState(lib.db, "restic")).last!.snapshot).toBe(state.last!.snapshot);
  });

  it("records a failing backup, keeps the last good one, and tries again an hour later (not every tick)", async () => {
    const wrong = path.join(secrets, "wrong-password");
    fs.writeFileSync(wrong, "not the password\n");
    const broken = { ...ctx, config: { ...ctx.config, backupRepository: { repository, passwordFile: wrong } } };
    const good = (await status.readBackupState(lib.db, "restic")).last!;
    const t0 = new Date(Date.now() + 25 * HOUR);
    expect(await backups.runScheduledBackups(broken, { now: t0 })).toEqual([repository]);
    const failed = await status.readBackupState(lib.db, "restic");
    expect(failed).toMatchObject({ failures: 1, lastAttemptAt: t0.toISOString(), last: good });
    expect(failed.lastError).toMatch(/restic cat failed .*wrong password/);
    const seen = await health.getBackupHealth(broken, t0);
    expect(seen.lastError).toBe(failed.lastError);
    expect(seen.warnings.some((w) => w.message.startsWith(`The last backup to ${repository} failed`))).toBe(true);
    await backups.runScheduledBackups(broken, { now: new Date(t0.getTime() + 60_000) });
    expect((await status.readBackupState(lib.db, "restic")).failures).toBe(1);
    await backups.runScheduledBackups(broken, { now: new Date(t0.getTime() + HOUR) });
    expect((await status.readBackupState(lib.db, "restic")).failures).toBe(2);
    await backups.runScheduledBackups(ctx, { now: new Date(t0.getTime() + 2 * HOUR) });
    expect(await status.readBackupState(lib.db, "restic")).toMatchObject({ failures: 0, lastError: null });
  });

  it("refuses a second restic backup while one is staging its copy, leaving that copy alone", async () => {
    const { createResticBackup, RESTIC_STAGE } = await import("@/lib/backup/create-restic-backup");
    const stage = path.join(lib.paths.root, RESTIC_STAGE);
    fs.mkdirSync(stage, { recursive: true });
    fs.writeFileSync(path.join(stage, "albums.db"), "the running backup's copy");
    await expect(createResticBackup(lib.paths, { repository, passwordFile })).rejects.toThrow(/Another restic backup of this library is running/);
    expect(fs.readFileSync(path.join(stage, "albums.db"), "utf8")).toBe("the running backup's copy");
    fs.rmSync(stage, { recursive: true });
  });

  it("finds damage in the repository by re-reading it", async () => {
    const copy = path.join(mount, "damaged");
    fs.cpSync(repository, copy, { recursive: true });
    const packs = fs.readdirSync(path.join(copy, "data"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const biggest = packs.map((e) => path.join(e.parentPath, e.name)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
    fs.chmodSync(biggest, 0o600);
    const bytes = fs.readFileSync(biggest);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(biggest, bytes);
    const damaged = { ...ctx, config: { ...ctx.config, backupEveryHours: 1000, backupRepository: { repository: copy, passwordFile } } };
    await backups.runScheduledBackups(damaged, { now: new Date(Date.now() + 100 * HOUR) });
    const state = await status.readBackupState(lib.db, "restic");
    expect(state.verifyError).toMatch(/restic check failed/);
    expect((await health.getBackupHealth(damaged)).warnings.some((w) => w.message.startsWith(`Verifying the backup at ${copy} failed`))).toBe(true);
    await status.recordVerification(lib.db, "restic", { ok: true }, new Date()); // back to the good repository for the drill
  });

  it("works the same through restic's sftp back end (sftp-server on a pipe, where ssh would run it on the other machine)", async () => {
    const repo = { repository: `sftp:backup-box:${path.join(mount, "sftp-repo")}`, passwordFile, sftpCommand: "/usr/lib/openssh/sftp-server" };
    const sftp = { ...ctx, config: { ...ctx.config, backupDir: path.join(secrets, "folder"), backupRepository: repo } };
    const now = new Date(Date.now() + 200 * HOUR);
    expect(await backups.runScheduledBackups(sftp, { now })).toEqual([]);
    expect(await status.readBackupState(lib.db, "restic")).toMatchObject({ lastError: null, verifiedAt: now.toISOString(), last: { assets: 4 } });
    expect(fs.existsSync(path.join(mount, "sftp-repo", "config"))).toBe(true);
    const target = path.join(secrets, "from-sftp");
    const { restoreResticBackup } = await import("@/lib/backup/restore-restic-backup");
    expect((await restoreResticBackup(repo, target)).assets).toBe(4);
    expect(assetsOf(path.join(target, "albums.db"))).toEqual(assetsOf(lib.paths.database));
    await backups.runScheduledBackups(ctx, { force: true }); // back to the local repository for the drill
  });

  it("restore drill: the data dir is lost, the library comes back from the repository, every original re-hashes", async () => {
    await backups.runScheduledBackups(ctx, { force: true });
    const expected = assetsOf(lib.paths.database);
    expect(expected).toHaveLength(4);
    const dataDir = lib.paths.root;
    await lib.db.$disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
    const { restoreResticBackup } = await import("@/lib/backup/restore-restic-backup");
    const result = await restoreResticBackup({ repository, passwordFile }, dataDir);
    expect(result.assets).toBe(4);
    const restored = assetsOf(path.join(dataDir, "albums.db"));
    expect(restored).toEqual(expected);
    const { hashFile } = await import("@/lib/server/storage");
    const { originalPath, libraryPaths } = await import("@/lib/server/paths");
    for (const asset of restored) expect(await hashFile(originalPath(libraryPaths(dataDir), asset.sha256, asset.ext))).toBe(asset.sha256);
    const db = new Database(path.join(dataDir, "albums.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const journal = fs.readdirSync(path.join(dataDir, "journal")).map((name) => fs.readFileSync(path.join(dataDir, "journal", name), "utf8")).join("");
    expect(journal).toContain('"op":"album.create"');
    expect(fs.existsSync(path.join(dataDir, ".albums-library"))).toBe(true);
    await expect(restoreResticBackup({ repository, passwordFile }, dataDir)).rejects.toThrow(/not empty/);
  });
});
