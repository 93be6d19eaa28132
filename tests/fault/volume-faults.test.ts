// RELIABILITY scenario 24 (docs/reliability.md): a fault is not an absence. The missing-file scan,
// the scrubber and serving an original run in a real process of their own while strace injects the kernel's error
// (EIO, EACCES, ESTALE) into the system calls that touch one original or the library marker: only
// ENOENT on a healthy volume flags `missing`; an unreadable file is `unavailable` (503 when asked
// for, not 404), an unreadable volume flags nothing, and nothing is deleted. Also: an original and its thumbnails that vanish
// together get their thumbnails made again when the original comes back.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const ids: string[] = [];
let readScanStatus: typeof import("@/lib/maintenance/read-scan-status").readScanStatus;
let scanFiles: typeof import("@/lib/maintenance/scan-files").scanFiles;

const ROOT = path.resolve(import.meta.dirname, "../..");
const originalOf = async (id: string) => {
  const a = (await lib.db.asset.findUnique({ where: { id } }))!;
  return path.join(lib.paths.originals, a.sha256.slice(0, 2), a.sha256.slice(2, 4), `${a.sha256}.${a.ext}`);
};
const derivedFiles = async (id: string) => (await lib.db.derivative.findMany({ where: { assetId: id } })).map((d) => path.join(lib.paths.derived, d.relPath));
const fileStates = async () => Object.fromEntries((await lib.db.asset.findMany({ select: { id: true, fileState: true } })).map((a) => [a.id, a.fileState]));

type StepResult = { missing?: string[]; unavailable?: string[]; corrupt?: string[]; volume?: { state: string; reason?: string }; error?: { code: string; status: number; message: string } };

/** Runs a library step in its own process, every system call touching `faulty` failing with `errno`. */
function runPass(pass: "scan" | "scrub" | "open", faulty: string, errno: string, ...args: string[]): StepResult {
  const run = spawnSync(
    "strace",
    ["-f", "-qq", "-o", "/dev/null", "-P", faulty, "-e", "trace=all", "-e", `inject=all:error=${errno}`, "--", process.execPath, "--conditions=react-server", "--import", "tsx", "tests/support/run-library-step.ts", pass, ...args],
    { cwd: ROOT, env: process.env, encoding: "utf8", timeout: 60_000 },
  );
  if (run.status !== 0) throw new Error(`${pass} under strace failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

beforeAll(async () => {
  // Search enrichment is off: these faults are about originals and thumbnails (drain makes only those).
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  const ingest = await import("@/app/api/ingest/route");
  ({ readScanStatus } = await import("@/lib/maintenance/read-scan-status"));
  ({ scanFiles } = await import("@/lib/maintenance/scan-files"));
  for (let i = 0; i < 3; i += 1) {
    const data = await sharp({ create: { width: 80 + i, height: 60, channels: 3, background: { r: 200, g: i * 60, b: 90 } } }).png().toBuffer();
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `v${i}.png`, data }) });
    ids.push(((await res.json()) as { assetId: string }).assetId);
  }
  await lib.drain();
  expect(await lib.db.derivative.count()).toBeGreaterThanOrEqual(6);
});
afterAll(async () => lib?.cleanup());

describe("missing-file scan on a faulty volume", () => {
  it.each(["EIO", "EACCES", "ESTALE"])("%s on an original: unavailable, not missing; nothing deleted", async (errno) => {
    const victim = ids[0]!;
    const derivedBefore = await lib.db.derivative.count();
    const result = runPass("scan", await originalOf(victim), errno);
    expect(result.volume).toEqual({ state: "ok" });
    expect(result.missing).toEqual([]);
    expect(result.unavailable).toEqual([victim]);
    expect(await fileStates()).toEqual({ [ids[0]!]: "unavailable", [ids[1]!]: "ok", [ids[2]!]: "ok" });
    expect(await lib.db.derivative.count()).toBe(derivedBefore);
    expect(fs.existsSync(await originalOf(victim))).toBe(true);
    expect(await readScanStatus(lib.db)).toMatchObject({ volume: "ok", missing: 0, unavailable: 1, checked: 3 });

    // Readable again: ok, and nothing to re-make.
    const healed = await scanFiles(lib.db, lib.paths);
    expect(healed.reappeared).toBe(1);
    expect(await fileStates()).toEqual({ [ids[0]!]: "ok", [ids[1]!]: "ok", [ids[2]!]: "ok" });
    expect(await lib.db.derivative.count()).toBe(derivedBefore);
  });

  it("an unreadable library marker (the volume failing): nothing flagged, nothing deleted, even for files really gone", async () => {
    const gone = await originalOf(ids[1]!);
    const saved = fs.readFileSync(gone);
    const [thumb] = await derivedFiles(ids[2]!);
    const savedThumb = fs.readFileSync(thumb!);
    fs.rmSync(gone);
    fs.rmSync(thumb!);
    const derivedBefore = await lib.db.derivative.count();
    try {
      const result = runPass("scan", lib.paths.marker, "EIO");
      expect(result.volume).toMatchObject({ state: "unavailable", reason: expect.stringMatching(/\.albums-library: EIO/) });
      expect(result.missing).toEqual([]);
      expect(Object.values(await fileStates())).toEqual(["ok", "ok", "ok"]);
      expect(await lib.db.derivative.count()).toBe(derivedBefore);
      expect(await readScanStatus(lib.db)).toMatchObject({ volume: "unavailable", missing: 0, reason: expect.stringContaining("EIO") });
    } finally {
      fs.writeFileSync(gone, saved);
      fs.writeFileSync(thumb!, savedThumb);
    }
  });

  it("a volume that is gone (marker absent, originals absent): unavailable, nothing flagged", async () => {
    const aside = `${lib.paths.originals}.aside`;
    const marker = fs.readFileSync(lib.paths.marker);
    fs.renameSync(lib.paths.originals, aside);
    fs.rmSync(lib.paths.marker);
    try {
      const result = await scanFiles(lib.db, lib.paths);
      expect(result.volume.state).toBe("unavailable");
      expect(result.missing).toEqual([]);
      expect(Object.values(await fileStates())).toEqual(["ok", "ok", "ok"]);
    } finally {
      fs.writeFileSync(lib.paths.marker, marker);
      fs.renameSync(aside, lib.paths.originals);
    }
  });

  it("flags missing for ENOENT on a healthy volume, and re-makes the thumbnails lost with the original once it is back", async () => {
    const victim = ids[2]!;
    const original = await originalOf(victim);
    const saved = fs.readFileSync(original);
    const thumbs = await derivedFiles(victim);
    expect(thumbs.length).toBeGreaterThanOrEqual(2);
    fs.rmSync(original);
    for (const thumb of thumbs) fs.rmSync(thumb);

    const lost = await scanFiles(lib.db, lib.paths);
    expect(lost.missing).toEqual([victim]);
    expect(await lib.db.derivative.count({ where: { assetId: victim } })).toBe(0);

    fs.writeFileSync(original, saved);
    const back = await scanFiles(lib.db, lib.paths);
    expect(back.reappeared).toBe(1);
    expect(await lib.db.job.findUnique({ where: { key: `thumbnail:${victim}` } })).toMatchObject({ status: "pending" });
    await lib.drain();
    const remade = await derivedFiles(victim);
    expect(remade.length).toBe(thumbs.length);
    for (const thumb of remade) expect(fs.existsSync(thumb)).toBe(true);
    expect((await lib.db.asset.findUnique({ where: { id: victim } }))?.fileState).toBe("ok");
  });
});

describe("serving an original from a faulty disk", () => {
  it("answers 503 for EIO (the file is not lost) and 404 only when it is gone", async () => {
    const file = await originalOf(ids[0]!);
    expect(runPass("open", file, "EIO", ids[0]!).error).toMatchObject({ code: "unavailable", status: 503, message: expect.stringMatching(/EIO[\s\S]*not lost/) });
    expect(runPass("open", file, "ENOENT", ids[0]!).error).toMatchObject({ code: "not_found", status: 404 });
  });
});

describe("scrubber on a faulty disk", () => {
  it("calls an EIO while re-hashing unavailable, never corrupt or missing", async () => {
    const victim = ids[1]!;
    const result = runPass("scrub", await originalOf(victim), "EIO");
    expect(result.corrupt).toEqual([]);
    expect(result.unavailable).toEqual([victim]);
    expect(await fileStates()).toEqual({ [ids[0]!]: "ok", [ids[1]!]: "unavailable", [ids[2]!]: "ok" });
  });
});
