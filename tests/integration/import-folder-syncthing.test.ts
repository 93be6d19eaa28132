// End to end with the real Debian `syncthing`: a "phone" instance shares its camera folder
// send-only with a "box" instance that receives it (receive-only, deletes ignored) into the
// import folder, both on loopback (tests/support/syncthing-pair.ts). The import folder is polled
// every 100 ms all along, so it sees Syncthing's `.syncthing.*.tmp` files and its `.stfolder`: each
// photo is ingested once, whole. Freeing space on the phone deletes nothing on the box; with the
// move option the moved files do not come back.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollSummary } from "@/lib/import-folder/poll-import-folder";
import type { JobContext } from "@/lib/queue/handler";
import { startSyncthingPair, type SyncthingPair } from "../support/syncthing-pair";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-syncthing-"));
const phone = path.join(workDir, "phone-DCIM-Camera");
const importDir = path.join(workDir, "import");
let lib: TestLibrary;
let ctx: JobContext;
let pair: SyncthingPair;
let poll: (context?: JobContext) => Promise<PollSummary | null>;

beforeAll(async () => {
  fs.mkdirSync(phone);
  fs.mkdirSync(importDir);
  lib = await createTestLibrary({ ALBUMS_IMPORT_DIR: importDir, ALBUMS_ENRICHMENT: "none" });
  const { createLogger } = await import("@/lib/server/logger");
  const { pollImportFolder } = await import("@/lib/import-folder/poll-import-folder");
  ctx = { db: lib.db, paths: lib.paths, config: lib.config, log: createLogger("test", "error") };
  poll = (context = ctx) => pollImportFolder(context);
  pair = await startSyncthingPair(workDir, phone, importDir);
}, 120_000);
afterAll(async () => {
  await pair?.stop();
  await lib?.cleanup();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A noisy JPEG of a few MB, so Syncthing writes it in several blocks under its temp name. */
function photo(seed: number, size = 900): Promise<Buffer> {
  const raw = Buffer.alloc(size * size * 3);
  let x = seed >>> 0;
  for (let i = 0; i < raw.length; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).jpeg({ quality: 98 }).toBuffer();
}

/** Polls the import folder every 100 ms until `done` holds (Syncthing works meanwhile). */
async function pollUntil(done: () => Promise<boolean>, what: string, context = ctx, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await poll(context);
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${pair.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("import folder fed by Syncthing", () => {
  const shas: string[] = [];

  it("ingests each synced photo once, whole", async () => {
    for (const [i, name] of ["IMG_20240601_100000.jpg", "IMG_20240601_100100.jpg"].entries()) {
      const data = await photo(i + 1);
      shas.push(sha(data));
      fs.writeFileSync(path.join(phone, name), data);
    }
    await pollUntil(async () => (await lib.db.asset.count()) === 2, "two assets");
    expect((await lib.db.asset.findMany({ select: { sha256: true, source: true } })).map((a) => a.sha256).sort()).toEqual([...shas].sort());
    const audit = await lib.db.ingestAudit.groupBy({ by: ["outcome"], where: { source: "watch" }, _count: { _all: true } });
    expect(audit.map((a) => [a.outcome, a._count._all])).toEqual([["ingested", 2]]);
    expect(fs.existsSync(path.join(importDir, ".stfolder"))).toBe(true); // Syncthing's marker: never ingested
  }, 120_000);

  it("freeing space on the phone deletes nothing on the box; new photos keep coming", async () => {
    fs.rmSync(path.join(phone, "IMG_20240601_100000.jpg"));
    const data = await photo(3);
    fs.writeFileSync(path.join(phone, "IMG_20240602_090000.jpg"), data);
    await pollUntil(async () => (await lib.db.asset.count()) === 3, "the third asset");
    expect(fs.existsSync(path.join(importDir, "IMG_20240601_100000.jpg"))).toBe(true);
    expect(await lib.db.asset.count({ where: { sha256: sha(data) } })).toBe(1);
  }, 120_000);

  it("with the move option the moved files stay moved (Syncthing does not bring them back)", async () => {
    const move = { ...ctx, config: { ...ctx.config, importFolder: { ...ctx.config.importFolder!, move: true } } };
    await pollUntil(async () => fs.readdirSync(importDir).filter((name) => !name.startsWith(".")).join() === "imported", "the files moved", move);
    await new Promise((r) => setTimeout(r, 3_000)); // three rescans by the box
    await poll(move);
    expect(fs.readdirSync(importDir).filter((name) => !name.startsWith(".")).sort()).toEqual(["imported"]);
    expect(fs.readdirSync(path.join(importDir, "imported")).sort()).toEqual(["IMG_20240601_100000.jpg", "IMG_20240601_100100.jpg", "IMG_20240602_090000.jpg"]);
    expect(await lib.db.asset.count()).toBe(3);
  }, 120_000);
});
