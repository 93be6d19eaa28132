// Maintenance passes on a real library: missing-file scan, derived-file repair, start-up and
// maintenance custody (orphan originals adopted or quarantined, never deleted), bit-rot scrub within a budget.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const ids: string[] = [];
let m: { scan: typeof import("@/lib/maintenance/scan-files"); sweep: typeof import("@/lib/maintenance/sweep-orphans"); scrub: typeof import("@/lib/maintenance/scrub-originals") };
const originalOf = async (id: string) => {
  const a = (await lib.db.asset.findUnique({ where: { id } }))!;
  return path.join(lib.paths.originals, a.sha256.slice(0, 2), a.sha256.slice(2, 4), `${a.sha256}.${a.ext}`);
};

beforeAll(async () => {
  lib = await createTestLibrary();
  const ingest = await import("@/app/api/ingest/route");
  m = { scan: await import("@/lib/maintenance/scan-files"), sweep: await import("@/lib/maintenance/sweep-orphans"), scrub: await import("@/lib/maintenance/scrub-originals") };
  for (let i = 0; i < 4; i += 1) {
    const data = await sharp({ create: { width: 64 + i, height: 48, channels: 3, background: { r: i * 40, g: 100, b: 50 } } }).png().toBuffer();
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `p${i}.png`, data }) });
    ids.push(((await res.json()) as { assetId: string }).assetId);
  }
  await lib.drain();
});
afterAll(async () => lib?.cleanup());

describe("missing-file scan", () => {
  it("flags a vanished original without deleting its row, and clears the flag when it is back", async () => {
    const file = await originalOf(ids[0]!);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    const scan = await m.scan.scanFiles(lib.db, lib.paths);
    expect(scan.missing).toEqual([ids[0]]);
    expect((await lib.db.asset.findUnique({ where: { id: ids[0]! } }))?.fileState).toBe("missing");
    fs.writeFileSync(file, saved);
    expect((await m.scan.scanFiles(lib.db, lib.paths)).reappeared).toBe(1);
    expect((await lib.db.asset.findUnique({ where: { id: ids[0]! } }))?.fileState).toBe("ok");
  });

  it("regenerates a thumbnail whose file disappeared", async () => {
    const row = (await lib.db.derivative.findUnique({ where: { assetId_kind: { assetId: ids[1]!, kind: "thumb-sm" } } }))!;
    fs.rmSync(path.join(lib.paths.derived, row.relPath));
    expect((await m.scan.scanFiles(lib.db, lib.paths)).derivativesRequeued).toBe(1);
    expect(await lib.db.job.findUnique({ where: { key: `thumbnail:${ids[1]}` } })).toMatchObject({ status: "pending" });
    await lib.drain();
    expect(fs.existsSync(path.join(lib.paths.derived, row.relPath))).toBe(true);
  });
});

describe("start-up recovery (custody)", () => {
  it("adopts an original without a row, quarantines an unadoptable one, removes only a derived folder of nothing", async () => {
    const { recoverCustody } = await import("@/lib/custody/recover-custody");
    const { listQuarantine } = await import("@/lib/custody/list-quarantine");
    const derivedBefore = (await lib.db.derivative.findMany()).map((d) => d.relPath);
    expect(derivedBefore.length).toBeGreaterThan(0);
    const data = await sharp({ create: { width: 30, height: 20, channels: 3, background: { r: 9, g: 9, b: 9 } } }).jpeg().toBuffer();
    const sha = createHash("sha256").update(data).digest("hex");
    const adoptable = path.join(lib.paths.originals, sha.slice(0, 2), sha.slice(2, 4), `${sha}.jpg`);
    const bogus = path.join(lib.paths.originals, "ef", "ef", `${"ef".repeat(32)}.jpg`);
    const strayDir = path.join(lib.paths.derived, "ef", "ef", "ef".repeat(32));
    for (const [file, bytes] of [[adoptable, data], [bogus, Buffer.from("never acknowledged")]] as const) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    }
    fs.mkdirSync(strayDir, { recursive: true });
    const { orphans } = await recoverCustody({ db: lib.db, paths: lib.paths, config: lib.config });
    expect(orphans).toMatchObject({ orphans: 2, adopted: [{ sha256: sha }], quarantined: [{ name: `${"ef".repeat(32)}.jpg` }], failed: [], derivedRemoved: 1 });
    expect(fs.readFileSync(adoptable)).toEqual(data);
    expect(await lib.db.asset.findUnique({ where: { sha256: sha } })).toMatchObject({ source: "recovered" });
    expect(await lib.db.ingestAudit.findFirst({ where: { sha256: sha, outcome: "ingested" } })).toMatchObject({ source: "recovered" });
    expect(fs.existsSync(bogus) || fs.existsSync(strayDir)).toBe(false);
    expect(await listQuarantine(lib.paths)).toEqual([expect.objectContaining({ name: `${"ef".repeat(32)}.jpg`, size: 18, reason: expect.stringMatching(/hash/) })]);
    for (const rel of derivedBefore) expect(fs.existsSync(path.join(lib.paths.derived, rel)), rel).toBe(true);
    for (const id of ids) expect(fs.existsSync(await originalOf(id))).toBe(true);
    // Converges: a second pass finds nothing to do.
    expect((await recoverCustody({ db: lib.db, paths: lib.paths, config: lib.config })).orphans).toMatchObject({ orphans: 0, adopted: [] });
    await lib.db.asset.delete({ where: { sha256: sha } });
    fs.rmSync(adoptable);
  });
});

describe("custody sweep (maintenance)", () => {
  const t0 = new Date("2030-01-01T00:00:00Z");
  const plant = async () => {
    const data = await sharp({ create: { width: 31, height: 21, channels: 3, background: { r: 90, g: 9, b: 9 } } }).png().toBuffer();
    const sha = createHash("sha256").update(data).digest("hex");
    const file = path.join(lib.paths.originals, sha.slice(0, 2), sha.slice(2, 4), `${sha}.png`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    return { file, sha };
  };

  it("adopts an orphan original once it is older than the grace period, and never deletes it", async () => {
    const { file, sha } = await plant();
    const deps = { db: lib.db, paths: lib.paths, config: lib.config };
    expect(await m.sweep.sweepOrphans(deps, { now: t0 })).toMatchObject({ state: "swept", orphans: 1, adopted: [{ sha256: sha }] });
    expect(fs.existsSync(file)).toBe(true);
    expect(await lib.db.asset.count()).toBe(5);
    // A file linked a moment ago (an ingest about to commit its row) is left alone.
    const young = await sharp({ create: { width: 32, height: 22, channels: 3, background: { r: 1, g: 90, b: 9 } } }).png().toBuffer();
    const youngSha = createHash("sha256").update(young).digest("hex");
    const youngFile = path.join(lib.paths.originals, youngSha.slice(0, 2), youngSha.slice(2, 4), `${youngSha}.png`);
    fs.mkdirSync(path.dirname(youngFile), { recursive: true });
    fs.writeFileSync(youngFile, young);
    expect(await m.sweep.sweepOrphans(deps)).toMatchObject({ state: "swept", orphans: 0 });
    expect(fs.existsSync(youngFile)).toBe(true);
    await lib.db.asset.delete({ where: { sha256: sha } });
    fs.rmSync(file);
    fs.rmSync(youngFile);
  });

  it("does nothing when the volume looks wrong", async () => {
    const { file } = await plant();
    const marker = fs.readFileSync(lib.paths.marker);
    fs.rmSync(lib.paths.marker);
    expect(await m.sweep.sweepOrphans({ db: lib.db, paths: lib.paths, config: lib.config }, { now: t0 })).toMatchObject({ state: "cancelled" });
    fs.writeFileSync(lib.paths.marker, marker);
    expect(fs.existsSync(file)).toBe(true);
    expect(await lib.db.asset.count()).toBe(4);
    fs.rmSync(file);
  });
});

describe("scrub", () => {
  it("re-hashes within its byte budget and flags bit rot", async () => {
    await lib.db.asset.updateMany({ data: { verifiedAt: null } });
    const one = await m.scrub.scrubOriginals(lib.db, lib.paths, 1);
    expect(one.checked).toBe(1);
    const victim = (await lib.db.asset.findFirstOrThrow({ where: { verifiedAt: null } })).id; // not scrubbed yet
    const file = await originalOf(victim);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0xff, bytes.length - 20);
    fs.writeFileSync(file, bytes);
    const all = await m.scrub.scrubOriginals(lib.db, lib.paths, 1e9);
    expect(all.checked).toBe(3);
    expect(all.corrupt).toEqual([victim]);
    expect((await lib.db.asset.findUnique({ where: { id: victim } }))?.fileState).toBe("corrupt");
    expect((await m.scrub.scrubOriginals(lib.db, lib.paths, 1e9)).checked).toBe(0); // all verified within the last minute
  });
});
