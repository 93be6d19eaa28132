// Maintenance passes on a real library: missing-file scan, derived-file repair, two-tick orphan
// sweep (and its cancellation on anomalies), bit-rot scrub within a budget.
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

describe("start-up recovery sweep", () => {
  it("keeps every known original and its derived files, removing only unknown ones", async () => {
    const { reconcileOriginals } = await import("@/lib/assets/reconcile-originals");
    const derivedBefore = (await lib.db.derivative.findMany()).map((d) => d.relPath);
    expect(derivedBefore.length).toBeGreaterThan(0);
    const strayFile = path.join(lib.paths.originals, "ef", "ef", `${"ef".repeat(32)}.jpg`);
    const strayDir = path.join(lib.paths.derived, "ef", "ef", "ef".repeat(32));
    fs.mkdirSync(path.dirname(strayFile), { recursive: true });
    fs.writeFileSync(strayFile, "never acknowledged");
    fs.mkdirSync(strayDir, { recursive: true });
    const result = await reconcileOriginals(lib.db, lib.paths);
    expect(result).toEqual({ orphansRemoved: 2, missingOriginals: [] });
    expect(fs.existsSync(strayFile) || fs.existsSync(strayDir)).toBe(false);
    for (const rel of derivedBefore) expect(fs.existsSync(path.join(lib.paths.derived, rel)), rel).toBe(true);
    for (const id of ids) expect(fs.existsSync(await originalOf(id))).toBe(true);
  });
});

describe("orphan sweep (two-tick consensus)", () => {
  const t0 = new Date("2030-01-01T00:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const plant = () => {
    const sha = "ab".repeat(32);
    const file = path.join(lib.paths.originals, "ab", "ab", `${sha}.jpg`);
    const dir = path.join(lib.paths.derived, "cd", "cd", "cd".repeat(32));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "orphan");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "thumb-sm.webp"), "x");
    return { file, dir };
  };

  it("deletes an orphan only after two passes at least the gap apart", async () => {
    const { file, dir } = plant();
    expect(await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(0) })).toEqual({ state: "swept", candidates: 2, deleted: [] });
    expect(await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(1) })).toMatchObject({ deleted: [] });
    expect(fs.existsSync(file)).toBe(true);
    const second = await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(6) });
    expect(second).toMatchObject({ state: "swept", candidates: 0 });
    expect(fs.existsSync(file) || fs.existsSync(dir)).toBe(false);
    expect(await lib.db.asset.count()).toBe(4);
    for (const id of ids) expect(fs.existsSync(await originalOf(id))).toBe(true);
  });

  it("cancels pending deletes when the volume looks wrong, and starts counting again afterwards", async () => {
    const { file } = plant();
    await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(20) });
    const marker = fs.readFileSync(lib.paths.marker);
    fs.rmSync(lib.paths.marker);
    expect(await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(30) })).toMatchObject({ state: "cancelled" });
    fs.writeFileSync(lib.paths.marker, marker);
    expect((await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(40) })).state).toBe("swept");
    expect(fs.existsSync(file)).toBe(true); // the anomaly reset the count
    await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(50) });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("cancels when the originals folder is empty but rows exist", async () => {
    const aside = `${lib.paths.originals}-aside`;
    fs.renameSync(lib.paths.originals, aside);
    fs.mkdirSync(lib.paths.originals);
    expect(await m.sweep.sweepOrphans(lib.db, lib.paths, { now: at(60) })).toMatchObject({ state: "cancelled", reason: expect.stringMatching(/empty/) });
    fs.rmSync(lib.paths.originals, { recursive: true });
    fs.renameSync(aside, lib.paths.originals);
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
