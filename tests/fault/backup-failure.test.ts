// RELIABILITY scenarios 27 and 27b with the real `npm start` (supervisor, server, worker): the
// worker's automatic backup to an off-box restic repository fails (its folder is unusable), the
// failure is recorded and shown in the settings data, the backup folder beside the library still
// gets its snapshot and verification, the same-disk warning is shown, and the app keeps serving.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { getJson, spawnApp, uploadSlowly } from "../support/app-process";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-backup-fault-"));
const notADirectory = `${dataDir}-file`;
const repository = path.join(notADirectory, "restic");
const passwordFile = `${dataDir}-password`;
const backupDir = `${dataDir}-backups`;
afterAll(() => {
  for (const p of [dataDir, notADirectory, passwordFile, backupDir]) fs.rmSync(p, { recursive: true, force: true });
});

describe("automatic backup failure with the real worker", () => {
  it("is recorded and shown, other targets still back up, the app keeps serving", async () => {
    fs.writeFileSync(notADirectory, "");
    fs.writeFileSync(passwordFile, "pw\n");
    const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_DIR: backupDir, ALBUMS_BACKUP_REPOSITORY: repository, ALBUMS_BACKUP_PASSWORD_FILE: passwordFile, ALBUMS_ENRICHMENT: "none" };
    const app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
    try {
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 9, g: 99, b: 199 } } }).png().toBuffer();
      expect(await uploadSlowly(app.port, "a.png", png, { pauseMs: 0 })).toMatchObject({ status: 201 });
      type Target = { kind: string; lastBackupAt: string | null; lastError: string | null; verifiedAt: string | null; sameFilesystem: boolean };
      let health: { sameFilesystem: boolean; warnings: { code: string; message: string }[]; targets: Target[] } | undefined;
      const deadline = Date.now() + 180_000; // the worker's first maintenance tick comes a minute after it starts
      while (Date.now() < deadline) {
        health = (await getJson(app.port, "/api/admin/status")).body.backup.health;
        if (health!.targets.find((t) => t.kind === "restic")?.lastError) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      const restic = health!.targets.find((t) => t.kind === "restic")!;
      const folder = health!.targets.find((t) => t.kind === "folder")!;
      expect(restic).toMatchObject({ lastBackupAt: null, sameFilesystem: true });
      expect(restic.lastError).toMatch(/^restic /);
      expect(folder.lastBackupAt).not.toBeNull();
      expect(folder.verifiedAt).not.toBeNull();
      expect(health!.sameFilesystem).toBe(true);
      expect(health!.warnings[0]!.message).toMatch(/^Backups are on the same disk as the library/);
      expect(health!.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(new RegExp(`^The last backup to ${repository} failed`)));
      expect((await getJson(app.port, "/api/health")).body).toMatchObject({ db: "ok", worker: { alive: true } });
      expect(app.output()).toMatch(/backup failed; trying again in an hour/);
    } finally {
      await app.stop();
    }
  }, 300_000);
});
