// `npm run service:install --root <dir>` (the dry run): the unit and env file it writes, the unit
// accepted by `systemd-analyze verify` (offline, on the file; Debian package systemd), the owner's
// env file kept on a second run, and uninstall removing the unit but never the data dir.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "albums-service-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function service(action: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/service.ts", action, "--root", root, "--data-dir", "/srv/albums-data"], {
    cwd: repo,
    encoding: "utf8",
    // Only the given ALBUMS_* settings reach the env file.
    env: { ...process.env, ...Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("ALBUMS_")).map((key) => [key, ""])), ...env },
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

function verify(unitFile: string) {
  return spawnSync("systemd-analyze", ["verify", unitFile], { encoding: "utf8" });
}

const unitFile = path.join(root, "etc/systemd/system/albums.service");
const envFile = path.join(root, "etc/albums/albums.env");

describe("service:install / service:uninstall", () => {
  it("writes a unit that systemd-analyze verify accepts without a warning, and the owner's env file", () => {
    const out = service("install", { ALBUMS_OWNER: "me@example.com", ALBUMS_PORT: "3300" });
    expect(out).toContain("would run systemctl enable --now albums.service");
    expect(out).toContain("run build");
    const unit = fs.readFileSync(unitFile, "utf8");
    expect(unit).toContain("ReadWritePaths=/srv/albums-data /var/backups/albums");
    const result = verify(unitFile);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // The check is real: a unit with a mistake gets a complaint.
    const broken = path.join(root, "broken.service");
    fs.writeFileSync(broken, unit.replace("KillMode=mixed", "KillMode=gently"));
    expect(verify(broken).stderr).toContain("kill mode");

    expect(fs.readFileSync(envFile, "utf8")).toMatch(/^ALBUMS_DATA_DIR=\/srv\/albums-data$/m);
    expect(fs.readFileSync(envFile, "utf8")).toMatch(/^ALBUMS_OWNER=me@example.com$/m);
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o640);
    expect(fs.statSync(path.join(root, "srv/albums-data")).isDirectory()).toBe(true);
  });

  it("keeps an env file the owner edited; uninstall removes the unit and never the data", () => {
    fs.appendFileSync(envFile, "ALBUMS_TRASH_DAYS=5\n");
    fs.writeFileSync(path.join(root, "srv/albums-data/albums.db"), "data");
    expect(service("install")).toContain("kept     /etc/albums/albums.env");
    expect(fs.readFileSync(envFile, "utf8")).toContain("ALBUMS_TRASH_DAYS=5");

    const out = service("uninstall");
    expect(out).toContain("would run systemctl disable --now albums.service");
    expect(fs.existsSync(unitFile)).toBe(false);
    expect(fs.readFileSync(path.join(root, "srv/albums-data/albums.db"), "utf8")).toBe("data");
    expect(fs.existsSync(envFile)).toBe(true);
  });
});
