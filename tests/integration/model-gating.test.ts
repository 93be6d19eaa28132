// A job whose model is missing waits (counted as waiting, not failed) and runs once the model
// files appear — no restart, no re-queue by hand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
const faceDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-faces-"));

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_FACE_MODEL_DIR: faceDir, ALBUMS_FACE_PIPELINE: "yunet", ALBUMS_ENRICHMENT: "faces" });
  const ingest = await import("@/app/api/ingest/route");
  for (const name of ["obama_obama.jpg", "obama_obama2.jpg"]) {
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm(sharedPath("fixtures", "faces", name)) });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await lib.cleanup();
  fs.rmSync(faceDir, { recursive: true, force: true });
});

describe("jobs of a missing model", () => {
  it("wait, are reported, and run once the model is there", async () => {
    const health = await import("@/app/api/health/route");
    const models = await import("@/app/api/admin/models/route");
    await lib.drain();
    const faces = () => lib.db.job.findMany({ where: { kind: "faces" }, select: { status: true, attempts: true } });
    expect(await faces()).toEqual([{ status: "pending", attempts: 0 }, { status: "pending", attempts: 0 }]);
    expect(((await (await health.GET()).json()) as { jobs: object }).jobs).toMatchObject({ pending: 0, waiting: 2, failed: 0 });
    const missing = ((await (await lib.call(models.GET, { url: "/api/admin/models" })).json()) as { models: { kind: string; present: boolean; missing: string }[] }).models.find((m) => m.kind === "faces")!;
    expect(missing).toMatchObject({ present: false, missing: "missing face_detection_yunet_2023mar.onnx, mobilefacenet.onnx" });

    for (const file of fs.readdirSync(sharedPath("models", "faces"))) fs.copyFileSync(sharedPath("models", "faces", file), path.join(faceDir, file));
    await lib.drain();
    expect(await faces()).toEqual([{ status: "done", attempts: 1 }, { status: "done", attempts: 1 }]);
    const people = await lib.db.person.findMany({ include: { faces: true } });
    expect(people.map((p) => p.faces.length)).toEqual([2]);
    expect(((await (await health.GET()).json()) as { jobs: object }).jobs).toMatchObject({ pending: 0, waiting: 0 });
  });
});
