// Custody at start-up (issue 12 point 1), with the real `npm start`: an older database put back
// (8 photos, then 8 more, then the old albums.db restored) starts with all 16 originals on disk and
// listed, the 8 newer adopted with source `recovered` in the audit (and their names back from the
// journal); files that cannot be adopted
// (bytes that hash to another name, a non-media file) end in the quarantine, listed, never
// deleted; kill -9 in the middle of adopting, then a restart, gives every original exactly one row.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder, freePort, getJson, spawnApp } from "../support/app-process";
import { multipart, request } from "../support/http-client";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newLibrary() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-custody-start-"));
  dirs.push(dataDir);
  // Search enrichment is off: custody of originals is the point, OCR and faces of the test photos are not.
  const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0", ALBUMS_ENRICHMENT: "none" };
  const database = path.join(dataDir, "albums.db");
  return {
    dataDir,
    env,
    start: () => spawnApp("start", env),
    /** A copy of the database as it is now, taken while the app runs with SQLite's online backup (as a backup takes it). */
    saveDb: async () => {
      const copy = `${database}.saved-${Date.now()}`;
      const live = new Database(database, { readonly: true, timeout: 15_000 });
      try {
        await live.backup(copy);
      } finally {
        live.close();
      }
      return copy;
    },
    /** Puts an older copy back, the app stopped (what restoring last week's albums.db does). */
    putBack: (copy: string) => {
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${database}${suffix}`, { force: true });
      fs.copyFileSync(copy, database);
    },
    query: <T>(sql: string, ...args: unknown[]): T[] => {
      const db = new Database(database, { readonly: true, timeout: 15_000 });
      try {
        return db.prepare(sql).all(...args) as T[];
      } finally {
        db.close();
      }
    },
    originals: () => filesUnder(path.join(dataDir, "originals")),
  };
}

async function photo(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 40 + (seed % 7), height: 30, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: (seed * 13) % 256 } } }).jpeg().toBuffer();
}

async function upload(port: number, seeds: number[]): Promise<void> {
  for (const seed of seeds) {
    const { body, contentType } = multipart(`p${seed}.jpg`, await photo(seed));
    expect((await request(port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body })).status).toBe(201);
  }
}

const sha = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
const plant = (dataDir: string, name: string, data: Buffer | string) => {
  const file = path.join(dataDir, "originals", name.slice(0, 2), name.slice(2, 4), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
};

describe("start-up with originals whose rows are gone", () => {
  it("an older database put back: all 16 photos stay on disk and listed, the 8 newer adopted (audited `recovered`); unadoptable files quarantined", async () => {
    const lib = newLibrary();
    let app = await lib.start();
    await upload(app.port, [1, 2, 3, 4, 5, 6, 7, 8]);
    const older = await lib.saveDb();
    await upload(app.port, [9, 10, 11, 12, 13, 14, 15, 16]);
    await app.stop();
    lib.putBack(older);
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256));
    const wrongHash = plant(lib.dataDir, `${sha("something else")}.jpg`, random);
    const text = "not a photo, but named after its own hash\n";
    const nonMedia = plant(lib.dataDir, `${sha(text)}.jpg`, text);
    expect(lib.query(`SELECT id FROM "Asset"`)).toHaveLength(8);

    app = await lib.start();
    try {
      expect(lib.originals()).toHaveLength(16);
      const listed = await getJson(app.port, "/api/assets?limit=100");
      expect(listed.body.items).toHaveLength(16);
      const recovered = lib.query<{ sha256: string }>(`SELECT sha256 FROM "IngestAudit" WHERE source = 'recovered' AND outcome = 'ingested'`);
      const newer = await Promise.all([9, 10, 11, 12, 13, 14, 15, 16].map(async (seed) => sha(await photo(seed))));
      expect(recovered.map((r) => r.sha256).sort()).toEqual(newer.sort());
      // Then the journal replay gives them back the names and source they were uploaded under.
      const rows = lib.query<{ originalName: string; source: string }>(`SELECT "originalName", "source" FROM "Asset"`);
      expect(rows.map((r) => `${r.originalName} ${r.source}`).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `p${i + 1}.jpg upload`).sort());
      for (const file of [wrongHash, nonMedia]) expect(fs.existsSync(file)).toBe(false);
      const { listQuarantine } = await import("@/lib/custody/list-quarantine");
      const { libraryPaths } = await import("@/lib/server/paths");
      const quarantined = await listQuarantine(libraryPaths(lib.dataDir));
      expect(quarantined.map((q) => [q.name, q.size]).sort()).toEqual([[path.basename(wrongHash), random.length], [path.basename(nonMedia), text.length]].sort());
      expect(quarantined.find((q) => q.name === path.basename(wrongHash))?.reason).toMatch(/hash/);
      expect(quarantined.find((q) => q.name === path.basename(nonMedia))?.reason).toMatch(/refused/);
      expect(app.output()).toMatch(/adopted originals that had no database row/);
    } finally {
      await app.stop();
    }
  }, 300_000);

  it("kill -9 while adopting, then a restart: every original has exactly one row", async () => {
    const lib = newLibrary();
    let app = await lib.start();
    const empty = await lib.saveDb();
    const seeds = Array.from({ length: 40 }, (_, i) => 100 + i);
    await upload(app.port, seeds);
    await app.stop();
    lib.putBack(empty);
    // Start without waiting for health: adoption runs in the boot step, before the server listens.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env: { ...process.env, ...lib.env, ALBUMS_PORT: String(await freePort()), ALBUMS_HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" }, stdio: "ignore", detached: true });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let adopted = 0;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline && child.exitCode === null; await new Promise((r) => setTimeout(r, 20))) {
      adopted = (() => {
        try {
          return lib.query(`SELECT id FROM "Asset"`).length;
        } catch {
          return 0; // the boot step is still migrating
        }
      })();
      if (adopted >= 3) break;
    }
    expect(child.exitCode).toBeNull();
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    expect(adopted).toBeGreaterThan(0);
    expect(adopted).toBeLessThan(seeds.length); // killed half-way

    app = await lib.start();
    try {
      const rows = lib.query<{ sha256: string; ext: string }>(`SELECT sha256, ext FROM "Asset"`);
      expect(rows).toHaveLength(seeds.length);
      expect(new Set(rows.map((r) => r.sha256)).size).toBe(seeds.length);
      expect(lib.originals()).toEqual(rows.map((r) => `${r.sha256.slice(0, 2)}/${r.sha256.slice(2, 4)}/${r.sha256}.${r.ext}`).sort());
      expect(filesUnder(path.join(lib.dataDir, "tmp")).filter((f) => f.startsWith("adopt-"))).toEqual([]); // the killed run's temp links were swept
      expect((await getJson(app.port, "/api/assets?limit=100")).body.items).toHaveLength(seeds.length);
    } finally {
      await app.stop();
    }
  }, 300_000);
});
