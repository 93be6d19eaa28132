// Rebuild from disk with the real processes (docs/reliability.md rows 21, 22, 26): with the
// database moved away `npm start` refuses (exit 78) naming `npm run rebuild` and writes nothing;
// the rebuild is refused while Albums holds the data dir; `npm run rebuild` killed with SIGKILL
// mid-way and run again converges to the same library (every original once, albums once, the
// owner's decisions back).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlbum } from "@/lib/albums/create-album";
import { acquireInstanceLock } from "@/lib/boot/instance-lock";
import { updateAssets } from "@/lib/assets/update-assets";
import { openDb } from "@/lib/server/db";
import { ingestBytes, photo, libraryState } from "@/tests/support/library-state";
import { createTestLibrary, listOriginals, type TestLibrary } from "@/tests/support/test-library";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PHOTOS = 400;
let lib: TestLibrary;
let state: Awaited<ReturnType<typeof libraryState>>;
let aside: string | undefined;

/** Runs a script to its end; `watch` is called every 20 ms with a kill switch. */
function run(script: string, env: Record<string, string> = {}, watch?: (kill: () => void) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
      cwd: ROOT,
      env: { ...process.env, ALBUMS_DATA_DIR: lib.paths.root, ALBUMS_ENRICHMENT: "none", ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (d: Buffer) => (output += d));
    const timer = watch ? setInterval(() => watch(() => child.kill("SIGKILL")), 20) : null;
    child.on("exit", (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, output });
    });
  });
}

const tree = () => fs.readdirSync(lib.paths.root, { recursive: true }).map(String).filter((f) => f !== ".albums-lock").sort();

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  const deps = { db: lib.db, paths: lib.paths, config: lib.config };
  const ids: string[] = [];
  for (let i = 0; i < PHOTOS; i += 1) ids.push((await ingestBytes(deps, await photo(i), `IMG_${String(i).padStart(4, "0")}.png`)).assetId);
  for (let a = 0; a < 5; a += 1) await createAlbum(lib.db, { title: `Album ${a}`, assetIds: ids.slice(a * 60, a * 60 + 80) });
  await updateAssets(lib.db, { ids: ids.filter((_, i) => i % 7 === 0), favorite: true });
  await updateAssets(lib.db, { ids: ids.filter((_, i) => i % 11 === 0), trashed: true });
  await updateAssets(lib.db, { ids: ids.slice(0, 3), description: "the first ones" });
  state = await libraryState(lib.db);
  await lib.db.$disconnect();
  aside = path.join(lib.paths.root, "..", `${path.basename(lib.paths.root)}-db-aside`);
  fs.mkdirSync(aside);
  for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(aside, f));
}, 300_000);
afterAll(async () => {
  await lib.cleanup();
  if (aside) fs.rmSync(aside, { recursive: true, force: true });
});

describe("rebuild with real processes", () => {
  it("npm start refuses a marked library without its database (exit 78, names npm run rebuild) and writes nothing", async () => {
    const before = tree();
    const { code, output } = await run("scripts/start.ts");
    expect(code).toBe(78);
    expect(output).toMatch(/no database/);
    expect(output).toMatch(/npm run rebuild/);
    expect(tree()).toEqual(before);
  }, 120_000);

  it("refuses to rebuild while another process holds the data dir", async () => {
    const lock = acquireInstanceLock(lib.paths.root);
    try {
      const { code, output } = await run("scripts/rebuild.ts");
      expect(code).toBe(69);
      expect(output).toMatch(/already running/);
      expect(fs.existsSync(lib.paths.database)).toBe(false);
    } finally {
      lock.release();
    }
  }, 120_000);

  it("killed with SIGKILL mid-way, npm run rebuild run again converges: every original once, albums once, decisions back", async () => {
    const originals = listOriginals(lib.paths);
    const work = `${lib.paths.database}.rebuild`;
    let killedAt = -1;
    const first = await run("scripts/rebuild.ts", {}, (kill) => {
      if (killedAt >= 0 || !fs.existsSync(work)) return;
      const reader = new Database(work, { readonly: true, fileMustExist: true });
      try {
        const n = (reader.prepare(`SELECT count(*) AS n FROM "Asset"`).get() as { n: number }).n;
        if (n >= 50) {
          killedAt = n;
          kill();
        }
      } catch {
        // migrations still running
      } finally {
        reader.close();
      }
    });
    // Killed while listing originals: no database yet, a half-made one beside it.
    expect(first.signal, first.output).toBe("SIGKILL");
    expect(killedAt).toBeLessThan(PHOTOS);
    expect(fs.existsSync(lib.paths.database)).toBe(false);
    expect(fs.existsSync(work)).toBe(true);
    const second = await run("scripts/rebuild.ts");
    expect(second.code, second.output).toBe(0);
    // It resumed: what the killed run had listed was not listed again.
    expect(Number(/\((\d+) by an earlier run\)/.exec(second.output)?.[1])).toBeGreaterThanOrEqual(killedAt);
    expect(fs.existsSync(work)).toBe(false);
    const db = await openDb(lib.paths.database);
    try {
      expect(await libraryState(db)).toEqual(state);
      expect(await db.asset.count()).toBe(PHOTOS);
      expect(await db.album.count()).toBe(5);
      expect(listOriginals(lib.paths)).toEqual(originals);
    } finally {
      await db.$disconnect();
    }
  }, 300_000);
});
