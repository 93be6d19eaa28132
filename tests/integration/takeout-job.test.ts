// Starting a Takeout import from the admin API: queued as a worker job with progress, then its
// report through /api/imports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { sidecar, writeParts } from "../support/takeout-builder";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-takeout-job-"));
beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_IMPORT_DIRS: dir });
});
afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("POST /api/imports", () => {
  it("queues the import for the worker and exposes progress and the report", async () => {
    const [part] = await writeParts(dir, {
      "takeout-001.zip": [
        { path: "Takeout/Google Photos/Photos from 2008/DSCN0025.jpg", data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0025.jpg")) },
        { path: "Takeout/Google Photos/Photos from 2008/DSCN0025.jpg.json", data: sidecar({ title: "DSCN0025.jpg", takenAt: "2008-10-22T16:00:00Z", favorited: true }) },
      ],
    });
    const imports = await import("@/app/api/imports/route");
    const one = await import("@/app/api/imports/[id]/route");
    const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await lib.call(imports.POST, { url: "/api/imports", ...json({ paths: ["relative.zip"] }) })).status).toBe(422);
    expect((await lib.call(imports.POST, { url: "/api/imports", ...json({ paths: [path.join(dir, "missing.zip")] }) })).status).toBe(422);
    const started = await lib.call(imports.POST, { url: "/api/imports", ...json({ paths: [part] }) });
    expect(started.status).toBe(202);
    await lib.drain();
    const list = (await (await lib.call(imports.GET, { url: "/api/imports" })).json()) as { imports: { id: string; status: string; safeToDelete: boolean; progress: { entriesDone: number; entries: number } }[] };
    expect(list.imports).toHaveLength(1);
    expect(list.imports[0]).toMatchObject({ status: "done", accounted: true, safeToDelete: false /* no backup off this disk yet */, progress: { entriesDone: 1, entries: 1 } });
    const detail = (await (await lib.call(one.GET, { url: `/api/imports/${list.imports[0]!.id}`, params: { id: list.imports[0]!.id } })).json()) as { report: { totals: { imported: number } } };
    expect(detail.report.totals.imported).toBe(1);
    expect(await lib.db.asset.findFirst({ where: { favorite: true } })).not.toBeNull();
  });

  it("imports a part uploaded from a browser through the resumable upload API", async () => {
    const [part] = await writeParts(path.join(dir, "upload"), {
      "takeout-002.zip": [{ path: "Takeout/Google Photos/Photos from 2008/DSCN0027.jpg", data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0027.jpg")) }],
    });
    const bytes = fs.readFileSync(part!);
    const uploads = await import("@/app/api/uploads/route");
    const upload = await import("@/app/api/uploads/[id]/route");
    const parts = await import("@/app/api/imports/parts/route");
    const imports = await import("@/app/api/imports/route");
    const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const { id } = (await (await lib.call(uploads.POST, { url: "/api/uploads", ...json({ name: "takeout-002.zip", size: bytes.length }) })).json()) as { id: string };
    const early = await lib.call(parts.POST, { url: "/api/imports/parts", ...json({ uploadId: id }) });
    expect(early.status).toBe(409);
    expect((await lib.call(upload.PATCH, { url: `/api/uploads/${id}`, method: "PATCH", params: { id }, headers: { "upload-offset": "0" }, body: new Uint8Array(bytes) })).status).toBe(204);
    const kept = await lib.call(parts.POST, { url: "/api/imports/parts", ...json({ uploadId: id }) });
    expect(kept.status).toBe(201);
    const { path: keptPath } = (await kept.json()) as { path: string };
    expect(fs.readFileSync(keptPath).equals(bytes)).toBe(true);
    expect((await lib.call(imports.POST, { url: "/api/imports", ...json({ paths: [keptPath] }) })).status).toBe(202);
    await lib.drain();
    expect(await lib.db.asset.count({ where: { names: { some: { name: "DSCN0027.jpg" } } } })).toBe(1);
  });
});
