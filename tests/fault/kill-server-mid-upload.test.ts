// RELIABILITY scenario 1 (reduced): kill -9 the real server at random points while a photo
// uploads; after the restart sweep and a client retry, every acknowledged file is durable and
// verifiable, nothing is orphaned, and no missing file is ever answered "duplicate".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { hashFile } from "@/lib/server/storage";
import { filesUnder, spawnApp, uploadSlowly } from "../support/app-process";

const RUNS = 8;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-fault-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "" };
const config = parseConfig(env);
const paths = libraryPaths(config.dataDir, config.databasePath);
const log = createLogger("fault", "error");

/** What a restart does before serving: marker check, migrations, tmp sweep, orphan sweep. */
async function recover(): Promise<void> {
  await prepareLibrary(config, log);
  const { openDb } = await import("@/lib/server/db");
  const { reconcileOriginals } = await import("@/lib/assets/reconcile-originals");
  const db = await openDb(config.databasePath);
  await reconcileOriginals(db, paths);
  await db.$disconnect();
}

async function noisePhoto(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(900 * 600 * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width: 900, height: 600, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
}

function checkInvariants(): { rows: number } {
  const db = new Database(config.databasePath, { readonly: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = db.prepare(`SELECT sha256, ext FROM "Asset"`).all() as { sha256: string; ext: string }[];
    const expected = rows.map((r) => `${r.sha256.slice(0, 2)}/${r.sha256.slice(2, 4)}/${r.sha256}.${r.ext}`).sort();
    expect(filesUnder(paths.originals)).toEqual(expected);
    return { rows: rows.length };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  await prepareLibrary(config, log);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("kill -9 the server mid-upload", () => {
  it(`keeps the invariant over ${RUNS} random kills, and every retry succeeds`, async () => {
    const tally = { acknowledgedBeforeKill: 0, lostAfterAck: 0, retriedIngested: 0, retriedDuplicate: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      const photo = await noisePhoto(run + 1);
      const server = await spawnApp("serve", env);
      const killAfter = Math.floor(Math.random() * 600);
      const upload = uploadSlowly(server.port, `run-${run}.jpg`, photo, { chunk: 32 * 1024, pauseMs: 8 });
      await new Promise((r) => setTimeout(r, killAfter));
      await server.stop("SIGKILL");
      const first = await upload;
      const acked = "status" in first && first.status >= 200 && first.status < 300;
      if (acked) tally.acknowledgedBeforeKill += 1;

      await recover();
      expect(fs.readdirSync(paths.tmp), `run ${run}: tmp swept`).toEqual([]);
      checkInvariants();

      const again = await spawnApp("serve", env);
      const retry = await uploadSlowly(again.port, `run-${run}.jpg`, photo, { chunk: 256 * 1024, pauseMs: 0 });
      await again.stop("SIGTERM");
      expect(retry, `run ${run} (killed after ${killAfter} ms)`).toMatchObject({ body: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      const { status, body } = retry as { status: number; body: { status: string; sha256: string } };
      expect([200, 201]).toContain(status);
      if (body.status === "duplicate") {
        tally.retriedDuplicate += 1;
        expect(acked, `run ${run}: "duplicate" only for a file that was really stored`).toBe(true);
      } else {
        tally.retriedIngested += 1;
      }
      const stored = path.join(paths.originals, body.sha256.slice(0, 2), body.sha256.slice(2, 4), `${body.sha256}.jpg`);
      expect(await hashFile(stored)).toBe(body.sha256);
    }
    const { rows } = checkInvariants();
    expect(rows).toBe(RUNS);
    console.log(`fault harness: ${RUNS} kills, ${tally.acknowledgedBeforeKill} acknowledged before the kill, ${tally.retriedIngested} re-sent and ingested, ${tally.retriedDuplicate} answered duplicate (all verified), files lost 0, orphans 0`);
  });

  it("the restart sweep removes an original whose row never committed", async () => {
    const orphan = path.join(paths.originals, "ff", "ee", `${"f".repeat(2)}${"e".repeat(2)}${"0".repeat(60)}.jpg`);
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, "never acknowledged");
    await recover();
    expect(fs.existsSync(orphan)).toBe(false);
    checkInvariants();
  });
});
