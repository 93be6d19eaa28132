// Trouble is visible (custody issue, point 6): a missing original reaches the asset API, the
// owner's problem list (GET /api/admin/health), which also says when no backup exists yet.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";
import type { ProblemsReport } from "@/lib/health/get-problems";

let lib: TestLibrary;
let assetId: string;

beforeAll(async () => {
  lib = await createTestLibrary();
  const ingest = await import("@/app/api/ingest/route");
  const data = await sharp({ create: { width: 80, height: 60, channels: 3, background: { r: 200, g: 10, b: 10 } } }).png().toBuffer();
  const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: "red.png", data }) });
  assetId = ((await res.json()) as { assetId: string }).assetId;
  await lib.drain();
});
afterAll(async () => lib?.cleanup());

async function problems(): Promise<ProblemsReport> {
  const route = await import("@/app/api/admin/health/route");
  const res = await lib.call(route.GET, { url: "/api/admin/health" });
  expect(res.status).toBe(200);
  return (await res.json()) as ProblemsReport;
}

describe("GET /api/admin/health", () => {
  it("lists a missing original by name, and the asset API and lightbox data carry its file state", async () => {
    const before = await problems();
    expect(before.problems.map((p) => p.code)).not.toContain("originals_missing");
    // No backup yet in this test library: the box holds the only copy, and says so.
    expect(before.problems.map((p) => p.code)).toContain("backup_none");

    const asset = (await lib.db.asset.findUnique({ where: { id: assetId } }))!;
    const file = path.join(lib.paths.originals, asset.sha256.slice(0, 2), asset.sha256.slice(2, 4), `${asset.sha256}.${asset.ext}`);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    const { scanFiles } = await import("@/lib/maintenance/scan-files");
    await scanFiles(lib.db, lib.paths);

    const after = await problems();
    const missing = after.problems.find((p) => p.code === "originals_missing");
    expect(missing).toMatchObject({ severity: "error", count: 1, items: [{ id: assetId, name: "red.png" }] });
    expect(after.problems[0]!.severity).toBe("error");

    const detailRoute = await import("@/app/api/assets/[id]/route");
    const detail = await lib.call(detailRoute.GET, { url: `/api/assets/${assetId}`, params: { id: assetId } });
    expect(((await detail.json()) as { fileState: string }).fileState).toBe("missing");

    fs.writeFileSync(file, saved);
    await scanFiles(lib.db, lib.paths);
    expect((await problems()).problems.map((p) => p.code)).not.toContain("originals_missing");
  });

  it("lists quarantined files and a database behind its journal", async () => {
    const { quarantineFile } = await import("@/lib/custody/quarantine-file");
    const stray = path.join(lib.paths.originals, "ab", "cd", `${"ab".repeat(32)}.jpg`);
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, "not a photo");
    await quarantineFile(lib.paths, stray, "its bytes do not hash to its name");
    const seq = (await lib.db.setting.findUnique({ where: { key: "journal.seq" } }))!;
    await lib.db.setting.update({ where: { key: "journal.seq" }, data: { value: "0" } });
    try {
      const report = await problems();
      expect(report.problems.find((p) => p.code === "quarantined")).toMatchObject({ count: 1, items: [{ name: `${"ab".repeat(32)}.jpg` }] });
      expect(report.problems.find((p) => p.code === "journal_behind")?.detail).toMatch(/^\d+ journal entr/);
    } finally {
      await lib.db.setting.update({ where: { key: "journal.seq" }, data: { value: seq.value } });
    }
    expect((await problems()).problems.map((p) => p.code)).not.toContain("journal_behind");
  });

  it("is for the owner only", async () => {
    const route = await import("@/app/api/admin/health/route");
    const res = await lib.call(route.GET, { url: "/api/admin/health", headers: { "x-albums-peer": "203.0.113.9" } });
    expect(res.status).toBe(401);
  });
});
