// The Takeout verdict includes custody (RELIABILITY scenario 27): "safe to delete from Google" only
// once every original of the import is in a verified backup on another filesystem. Not with no
// backup, not with a verified backup on the data dir's own disk; yes after the worker's backup and
// verification to a folder on another filesystem (a tmpfs mounted for the test), and a later
// import is judged on its own originals.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "@/lib/config";
import type { JobContext } from "@/lib/queue/handler";
import { sharedPath } from "../support/shared";
import { sidecar, writeParts } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const otherDisk = fs.mkdtempSync(path.join(os.tmpdir(), "albums-otherdisk-"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-custody-"));
let lib: TestLibrary;
let ctx: JobContext;
let runId: string;

type ImportView = { safeToDelete: boolean; accounted: boolean; report: { safeToDelete: boolean; blockers: string[]; custody: { originals: number; backedUp: number; notBackedUp: number } } };

async function view(config: Config, id: string): Promise<ImportView> {
  const one = await import("@/app/api/imports/[id]/route");
  if (config === lib.config) return (await (await lib.call(one.GET, { url: `/api/imports/${id}`, params: { id } })).json()) as ImportView;
  const { getImport } = await import("@/lib/takeout/list-imports");
  return (await getImport({ db: lib.db, paths: lib.paths, config }, id)) as unknown as ImportView;
}

async function importPhotos(name: string, photos: string[]): Promise<string> {
  const [part] = await writeParts(path.join(work, name), {
    [`${name}.zip`]: photos.flatMap((photo) => [
      { path: `Takeout/Google Photos/Trip/${photo}`, data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", photo)) },
      { path: `Takeout/Google Photos/Trip/${photo}.json`, data: sidecar({ title: photo, takenAt: "2008-10-22T16:00:00Z" }) },
    ]),
  });
  const { importTakeout } = await import("@/lib/takeout/import-takeout");
  return (await importTakeout(lib, [part!])).runId;
}

beforeAll(async () => {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", otherDisk]);
  lib = await createTestLibrary({ ALBUMS_BACKUP_DIR: path.join(otherDisk, "albums-backups") });
  const { createLogger } = await import("@/lib/server/logger");
  ctx = { db: lib.db, paths: lib.paths, config: lib.config, log: createLogger("test", "error") };
  runId = await importPhotos("first", ["DSCN0010.jpg", "DSCN0012.jpg"]);
});
afterAll(async () => {
  await lib?.cleanup();
  execFileSync("umount", [otherDisk]);
  fs.rmSync(otherDisk, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe("Takeout verdict with custody", () => {
  it("is not safe right after the import: accounted for, not yet backed up off this disk", async () => {
    const seen = await view(lib.config, runId);
    expect(seen).toMatchObject({ accounted: true, safeToDelete: false, report: { safeToDelete: false, custody: { originals: 2, backedUp: 0, notBackedUp: 2 } } });
    expect(seen.report.blockers).toEqual([expect.stringMatching(/^imported and verified, not yet backed up off this disk \(2 originals\): waiting for the next backup to .*albums-backups and its verification/)]);
  });

  it("stays not safe with a verified backup on the data dir's own disk", async () => {
    const sameDisk = { ...lib.config, backupDir: path.join(work, "same-disk-backups") };
    expect(await (await import("@/lib/backup/run-scheduled-backups")).runScheduledBackups({ ...ctx, config: sameDisk }, { force: true })).toEqual([]);
    const { getBackupHealth } = await import("@/lib/backup/get-backup-health");
    const health = await getBackupHealth({ ...lib, config: sameDisk });
    expect(health).toMatchObject({ sameFilesystem: true, lastError: null });
    expect(health.verifiedAt).not.toBeNull();
    expect(health.warnings[0]!.message).toMatch(/^Backups are on the same disk as the library/);
    const seen = await view(sameDisk, runId);
    expect(seen.safeToDelete).toBe(false);
    expect(seen.report.blockers).toEqual([expect.stringMatching(/^imported and verified, not yet backed up off this disk \(2 originals\): no backup target is on another disk or machine/)]);
  });

  it("turns safe once the worker's backup to another filesystem is verified; a later import waits for the next one", async () => {
    const { maintenanceTick } = await import("@/lib/maintenance/run-maintenance");
    const { getBackupHealth } = await import("@/lib/backup/get-backup-health");
    await maintenanceTick(ctx, 0, new Date(Date.now() + 48 * 3_600_000));
    expect(await getBackupHealth(lib)).toMatchObject({ sameFilesystem: false, lastError: null, target: path.join(otherDisk, "albums-backups") });
    const seen = await view(lib.config, runId);
    expect(seen).toMatchObject({ safeToDelete: true, report: { safeToDelete: true, blockers: [], custody: { originals: 2, backedUp: 2, notBackedUp: 0 } } });
    const page = await import("@/app/api/imports/route");
    const list = (await (await lib.call(page.GET, { url: "/api/imports" })).json()) as { imports: { id: string; safeToDelete: boolean }[] };
    expect(list.imports.find((i) => i.id === runId)?.safeToDelete).toBe(true);
    const later = await importPhotos("second", ["DSCN0021.jpg"]);
    expect((await view(lib.config, later)).report.blockers).toEqual([expect.stringMatching(/^imported and verified, not yet backed up off this disk \(1 original\)/)]);
    expect((await view(lib.config, runId)).safeToDelete).toBe(true);
  });
});
