// "Back up now" from Settings: the route queues one job (a second press answers the same one),
// the worker backs every target up and verifies it, and the progress reaches 1 with the snapshot
// recorded; a target that cannot be written ends as "failed" with a reason.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let route: typeof import("@/app/api/admin/backup/route");
const backupDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "albums-backup-now-")), "backups");

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_BACKUP_DIR: backupDir, ALBUMS_BACKUP_EVERY_HOURS: "0" });
  route = await import("@/app/api/admin/backup/route");
});

afterAll(async () => lib?.cleanup());

const state = async () => ((await (await lib.call(route.GET, { url: "/api/admin/backup" })).json()) as { backup: { status: string; progress: { fraction: number } | null; error: string | null } | null }).backup;

it("backs up now with progress, once however often it is pressed", async () => {
  expect(await state()).toBeNull();
  const first = await lib.call(route.POST, { url: "/api/admin/backup", method: "POST" });
  const second = await lib.call(route.POST, { url: "/api/admin/backup", method: "POST" });
  expect(first.status).toBe(202);
  expect(await second.json()).toEqual(await first.json());
  expect((await state())!.status).toBe("pending");
  await lib.drain();
  expect(await state()).toMatchObject({ status: "done", progress: { fraction: 1 }, error: null });
  const snapshots = fs.readdirSync(path.join(backupDir, "snapshots"));
  expect(snapshots).toHaveLength(1);
});

it("says why when the target cannot be written", async () => {
  fs.rmSync(backupDir, { recursive: true, force: true });
  fs.writeFileSync(backupDir, "not a folder");
  await lib.call(route.POST, { url: "/api/admin/backup", method: "POST" });
  await lib.drain();
  const failed = await state();
  expect(failed!.status).toBe("failed");
  expect(failed!.error).toMatch(/backup to .* failed/);
});
