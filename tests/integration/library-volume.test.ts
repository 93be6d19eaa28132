// The data-dir marker: a library whose volume is missing, empty or different refuses to start
// and writes nothing (RELIABILITY scenario 10); tmp/ is swept at start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { LibraryVolumeError } from "@/lib/server/open-library";
import { prepareLibrary } from "@/lib/server/prepare-library";

const log = createLogger("test", "error");
const dirs: string[] = [];
function config(dataDir: string, databasePath?: string) {
  return { ...parseConfig({ ALBUMS_DATA_DIR: dataDir }), ...(databasePath ? { databasePath } : {}) };
}
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-volume-"));
  dirs.push(dir);
  return dir;
}
function listTree(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("library volume", () => {
  it("creates the layout on a fresh data dir and sweeps tmp/ at every start", async () => {
    const dir = tempDir();
    const paths = await prepareLibrary(config(dir), log);
    for (const sub of ["originals", "derived", "tmp", "models", ".albums-library", "albums.db"]) expect(fs.existsSync(path.join(dir, sub)), sub).toBe(true);
    fs.writeFileSync(path.join(paths.tmp, "upload-leftover"), "partial");
    await prepareLibrary(config(dir), log);
    expect(fs.readdirSync(paths.tmp)).toEqual([]);
  });

  it("refuses to start, writing nothing, when the originals volume is not mounted", async () => {
    const volume = tempDir();
    const dbDir = tempDir();
    const cfg = config(volume, path.join(dbDir, "albums.db"));
    await prepareLibrary(cfg, log);
    // Unmount: the mount point is empty again.
    fs.rmSync(volume, { recursive: true, force: true });
    fs.mkdirSync(volume);
    const dbBefore = fs.readFileSync(cfg.databasePath);
    await expect(prepareLibrary(cfg, log)).rejects.toThrow(LibraryVolumeError);
    await expect(prepareLibrary(cfg, log)).rejects.toThrow(/is the data volume mounted/);
    expect(listTree(volume)).toEqual([]);
    expect(fs.readFileSync(cfg.databasePath).equals(dbBefore)).toBe(true);
  });

  it("refuses a volume that belongs to another library", async () => {
    const a = tempDir();
    const b = tempDir();
    const dbDir = tempDir();
    await prepareLibrary(config(a, path.join(dbDir, "albums.db")), log);
    await prepareLibrary(config(b), log);
    await expect(prepareLibrary(config(b, path.join(dbDir, "albums.db")), log)).rejects.toThrow(/Wrong volume/);
  });

  it("refuses to adopt originals without a marker", async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "originals", "ab", "cd"), { recursive: true });
    fs.writeFileSync(path.join(dir, "originals", "ab", "cd", "x.jpg"), "x");
    await expect(prepareLibrary(config(dir), log)).rejects.toThrow(/no library marker/);
    expect(fs.existsSync(path.join(dir, "albums.db"))).toBe(false);
  });
});
