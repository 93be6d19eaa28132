import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { restrictPermissions } from "./restrict-permissions";

const mode = (p: string) => fs.statSync(p).mode & 0o777;
let dir = "";
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("restrictPermissions", () => {
  it("closes an existing world-readable library: dirs 0700, files 0600 (hardening 12)", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-perm-"));
    fs.mkdirSync(path.join(dir, "derived/ab/cd"), { recursive: true, mode: 0o755 });
    for (const file of ["albums.db", "albums.db-wal", "albums.db-shm", "derived/ab/cd/thumb.webp"]) fs.writeFileSync(path.join(dir, file), "x", { mode: 0o644 });
    fs.symlinkSync("/etc/hostname", path.join(dir, "link"));
    fs.chmodSync(dir, 0o755);
    expect(restrictPermissions(dir)).toBeGreaterThanOrEqual(7);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "derived/ab/cd"))).toBe(0o700);
    for (const file of ["albums.db", "albums.db-wal", "albums.db-shm", "derived/ab/cd/thumb.webp"]) expect(mode(path.join(dir, file))).toBe(0o600);
    expect(mode("/etc/hostname")).not.toBe(0o600);
    // Already private: only the top is looked at, and a loosened database is closed again.
    fs.chmodSync(path.join(dir, "albums.db"), 0o644);
    expect(restrictPermissions(dir)).toBe(1);
    expect(mode(path.join(dir, "albums.db"))).toBe(0o600);
  });
});
