// RELIABILITY (hardening 8): bulk statements from a request are batched under SQLite's bound
// parameter limit, so 1,200 ids change 1,200 rows instead of answering 500.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const COUNT = 1_200;
let lib: TestLibrary;
let ids: string[];

beforeAll(async () => {
  lib = await createTestLibrary();
  ids = Array.from({ length: COUNT }, () => randomUUID());
  await lib.db.asset.createMany({
    data: ids.map((id, i) => ({
      id, sha256: i.toString(16).padStart(64, "0"), kind: "photo", mimeType: "image/jpeg", ext: "jpg", size: 1n,
      originalName: `p${i}.jpg`, source: "upload", capturedAt: new Date(2020, 0, 1, 0, 0, i), capturedAtSource: "upload",
    })),
  });
});

afterAll(() => lib?.cleanup());

describe("bulk operations above 999 ids", () => {
  it("PATCH /api/assets favourites 1,200 assets", async () => {
    const { PATCH } = await import("@/app/api/assets/route");
    const res = await lib.call(PATCH, { url: "/api/assets", method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids, favorite: true, description: "bulk" }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { updated: number; changed: string[] };
    expect([body.updated, body.changed.length]).toEqual([COUNT, COUNT]);
    expect(await lib.db.asset.count({ where: { favorite: true, description: "bulk" } })).toBe(COUNT);
  });

  it("adds 1,200 assets to an album and removes them again", async () => {
    const { POST: create } = await import("@/app/api/albums/route");
    const album = (await (await lib.call(create, { url: "/api/albums", method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Big", assetIds: ids }) })).json()) as { id: string };
    expect(await lib.db.albumAsset.count({ where: { albumId: album.id } })).toBe(COUNT);
    const route = await import("@/app/api/albums/[id]/assets/route");
    const body = JSON.stringify({ assetIds: ids });
    const removed = await lib.call(route.DELETE, { url: `/api/albums/${album.id}/assets`, method: "DELETE", params: { id: album.id }, headers: { "content-type": "application/json" }, body });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ removed: COUNT });
    const added = await lib.call(route.POST, { url: `/api/albums/${album.id}/assets`, method: "POST", params: { id: album.id }, headers: { "content-type": "application/json" }, body });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ added: COUNT });
    expect(await lib.db.albumAsset.count({ where: { albumId: album.id } })).toBe(COUNT);
  });

  it("retries 1,200 failed jobs by id", async () => {
    const { POST } = await import("@/app/api/admin/jobs/retry/route");
    await lib.db.job.createMany({ data: ids.map((assetId) => ({ kind: "thumbnail", assetId, key: `thumbnail:${assetId}`, status: "failed", attempts: 3 })) });
    const jobIds = (await lib.db.job.findMany({ where: { status: "failed" }, select: { id: true } })).map((j) => j.id);
    expect(jobIds).toHaveLength(COUNT);
    const res = await lib.call(POST, { url: "/api/admin/jobs/retry", method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: jobIds }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ retried: COUNT });
  });
});
