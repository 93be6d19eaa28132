// `npm run doctor` end to end on a broken set-up: one line per check, the broken ones failing for
// their reason, exit 1 (the rules themselves: lib/doctor/doctor-checks.test.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "albums-doctor-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("doctor on a data dir with a database but no marker and an unwritable backup target: fails those, exit 1", () => {
  const dataDir = path.join(tmp, "data");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  fs.writeFileSync(path.join(dataDir, "albums.db"), "");
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/doctor.ts", "--env-path", path.join(tmp, "none.env"), "--user", "no-such-user-xyz"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    encoding: "utf8",
    env: { ...process.env, ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: path.join(tmp, "not-mounted/backups"), ALBUMS_FFMPEG: "/nonexistent/ffmpeg", ALBUMS_HOST: "127.0.0.1", ALBUMS_OWNER: "" },
  });
  expect(result.stderr).toBe("");
  const lines = result.stdout.trim().split("\n");
  expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(" "))).toEqual(["OK node", "WARN ffmpeg", "OK disk", "FAIL data", "FAIL backup", "WARN models", "WARN tailscale", "OK listen", "OK clock"]);
  expect(result.stdout).toContain("has a database but no .albums-library marker");
  expect(result.stdout).toContain(`cannot write to ALBUMS_BACKUP_DIR ${tmp}/not-mounted/backups`);
  expect(result.status).toBe(1);
});
