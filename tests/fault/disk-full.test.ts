// RELIABILITY scenario 4: the disk fills up mid-upload. The library lives on a small tmpfs
// (mounted by this test; CI runs as root); a clear 507 comes back, the partial temp file is
// removed, the database is unchanged, and the same upload succeeds once space is freed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, listOriginals, uploadForm, type TestLibrary } from "../support/test-library";

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "albums-full-"));
let lib: TestLibrary;
let ingest: typeof import("@/app/api/ingest/route");

beforeAll(async () => {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", mountPoint], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`This test needs to mount a small tmpfs (run as root): ${(error as Error).message}`);
  }
  lib = await createTestLibrary({ ALBUMS_DATA_DIR: path.join(mountPoint, "data") });
  ingest = await import("@/app/api/ingest/route");
});

afterAll(async () => {
  await lib?.db.$disconnect();
  execFileSync("umount", [mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

function freeBytes(): number {
  const stats = fs.statfsSync(mountPoint);
  return stats.bavail * stats.bsize;
}

describe("disk full", () => {
  it("answers 507, leaves nothing behind, stays usable, and the retry succeeds after space is freed", async () => {
    const raw = Buffer.alloc(1200 * 900 * 3);
    for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 2654435761) >>> 24;
    const photo = await sharp(raw, { raw: { width: 1200, height: 900, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    const ballast = path.join(mountPoint, "ballast");
    fs.writeFileSync(ballast, Buffer.alloc(Math.max(0, freeBytes() - photo.length / 2)));
    const assetsBefore = await lib.db.asset.count();

    const full = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: "big.png", data: photo }) });
    expect(full.status).toBe(507);
    expect(await full.json()).toMatchObject({ error: { code: "out_of_space" } });
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
    expect(listOriginals(lib.paths)).toEqual([]);
    expect(await lib.db.asset.count()).toBe(assetsBefore);

    fs.rmSync(ballast);
    const retry = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: "big.png", data: photo }) });
    expect(retry.status).toBe(201);
    expect(listOriginals(lib.paths)).toHaveLength(1);
    const audit = await lib.db.ingestAudit.findMany({ orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.outcome, a.errorCode])).toEqual([["rejected", "out_of_space"], ["ingested", null]]);
  });
});
