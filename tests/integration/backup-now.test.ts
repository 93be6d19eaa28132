// "Back up now" from Settings: the route queues one job (a second press answers the same one),
// the worker backs every target up and verifies it, and the progress reaches 1 with the snapshot
// recorded, advancing with the bytes of the originals copied and re-read; a target that cannot be
// written ends as "failed" with a reason.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runScheduledBackups, type BackupStep } from "@/lib/backup/run-scheduled-backups";
import { createLogger } from "@/lib/server/logger";
import { ingestBytes, photo } from "../support/library-state";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let route: typeof import("@/app/api/admin/backup/route");
const backupRoot = fs.mkdtempSync(path.join(os.tmpdir(), "albums-backup-now-"));
const backupDir = path.join(backupRoot, "backups");

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_BACKUP_DIR: backupDir, ALBUMS_BACKUP_EVERY_HOURS: "0" });
  route = await import("@/app/api/admin/backup/route");
});

afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(backupRoot, { recursive: true, force: true });
});

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

it("advances by the bytes of the originals it copies and re-reads", async () => {
  const deps = { db: lib.db, paths: lib.paths, config: lib.config };
  const sizes: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const data = await photo(i + 1);
    await ingestBytes(deps, data, `IMG_${i}.png`);
    sizes.push(data.length);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  const steps: BackupStep[] = [];
  expect(await runScheduledBackups({ ...deps, log: createLogger("test", "error") }, { force: true, onStep: (s) => steps.push(s) })).toEqual([]);
  // Copying: after each original, its bytes; then re-reading them all again.
  const copying = steps.filter((s) => s.doing?.startsWith("Copying") && s.bytes).map((s) => s.bytes!.done);
  const rereading = steps.filter((s) => s.doing?.startsWith("Re-reading") && s.bytes).map((s) => s.bytes!.done);
  expect(copying).toEqual([sizes[0], sizes[0]! + sizes[1]!, total]);
  expect(rereading).toEqual([sizes[0], sizes[0]! + sizes[1]!, total]);
  expect(steps.every((s) => !s.bytes || s.bytes.total === total)).toBe(true);
  // The fraction moves within each step, never back.
  const fractions = steps.map((s) => s.done / s.total);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(fractions.some((f) => f > 0 && f < 0.5)).toBe(true);
  expect(fractions.at(-1)).toBe(1);
  expect(steps.at(-1)!.bytes).toEqual({ done: total, total });
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
