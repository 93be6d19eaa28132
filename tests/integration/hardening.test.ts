// RELIABILITY (hardening 9, 11, 13) through the route handlers on a real library: a stalled
// resumable chunk reports what arrived and lets go of its lock; imports only from configured
// folders, with one answer for elsewhere and absent; hostile file names cleaned on every path in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

const importDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-import-dir-"));
let lib: TestLibrary;
let photo: Buffer;
const json = (method: string, body: unknown) => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_IMPORT_DIRS: importDir });
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#aa3366" } }).jpeg().toBuffer();
});

afterAll(async () => {
  await lib?.cleanup();
  fs.rmSync(importDir, { recursive: true, force: true });
});

async function createUpload(name: string, size: number): Promise<{ id: string; name: string }> {
  const { POST } = await import("@/app/api/uploads/route");
  const res = await lib.call(POST, { url: "/api/uploads", ...json("POST", { name, size }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; name: string };
}

describe("hardening 9: a stalled resumable chunk", () => {
  const data = Buffer.alloc(100 * 1024, 7);
  const first = data.subarray(0, 40 * 1024);
  /** A body that sends the first 40 KiB, then nothing more, ever. */
  const stalledBody = () =>
    new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array(first)),
      pull: () => new Promise<void>(() => {}),
    });

  async function stallAndCheckOffset(id: string, signal?: AbortSignal) {
    const route = await import("@/app/api/uploads/[id]/route");
    const patching = lib.call(route.PATCH, { url: `/api/uploads/${id}`, method: "PATCH", params: { id }, headers: { "upload-offset": "0" }, body: stalledBody(), signal });
    await new Promise((r) => setTimeout(r, 1_600));
    const during = await lib.call(route.HEAD, { url: `/api/uploads/${id}`, method: "HEAD", params: { id } });
    expect(during.headers.get("upload-offset")).toBe(String(first.length));
    return { patching }; // wrapped: awaiting a returned promise would wait for the PATCH itself
  }

  async function resume(id: string) {
    const route = await import("@/app/api/uploads/[id]/route");
    const resumed = await lib.call(route.PATCH, { url: `/api/uploads/${id}`, method: "PATCH", params: { id }, headers: { "upload-offset": String(first.length) }, body: new Uint8Array(data.subarray(first.length)) });
    expect(resumed.status).toBe(204);
    expect(resumed.headers.get("upload-offset")).toBe(String(data.length));
    expect(fs.readFileSync(path.join(lib.paths.uploads, `${id}.part`)).equals(data)).toBe(true);
  }

  it("reports the durable offset while stalled and lets the next chunk take over at once", async () => {
    const { id } = await createUpload("stall.bin", data.length);
    const { patching } = await stallAndCheckOffset(id);
    await resume(id); // the phone changed networks: the old request is dead but not yet noticed
    expect((await patching).headers.get("upload-offset")).toBe(String(first.length));
  });

  it("releases the lock when the stalled request ends", async () => {
    const { id } = await createUpload("stall2.bin", data.length);
    const client = new AbortController();
    const { patching } = await stallAndCheckOffset(id, client.signal);
    client.abort(); // what the server does to a body that stalls past ALBUMS_REQUEST_IDLE_SECONDS
    expect((await patching).headers.get("upload-offset")).toBe(String(first.length));
    await resume(id);
  });
});

describe("hardening 11: POST /api/imports", () => {
  it("accepts only uploaded parts and ALBUMS_IMPORT_DIRS, and says the same about elsewhere and absent", async () => {
    const { POST } = await import("@/app/api/imports/route");
    fs.mkdirSync(path.join(importDir, "Takeout"), { recursive: true });
    fs.symlinkSync("/etc", path.join(importDir, "escape"));
    const refusal = async (p: string) => {
      const res = await lib.call(POST, { url: "/api/imports", ...json("POST", { paths: [p] }) });
      expect(res.status, p).toBe(422);
      return ((await res.json()) as { error: { message: string } }).error.message.replace(p, "<path>");
    };
    const messages = new Set<string>();
    for (const p of ["/proc/sys", "/etc/passwd", "/nope/missing.zip", lib.paths.root, lib.config.databasePath, path.join(importDir, "escape"), path.join(importDir, "escape/passwd"), path.join(importDir, "missing.zip"), path.join(importDir, "../x.zip"), "relative.zip"]) {
      messages.add(await refusal(p));
    }
    expect([...messages]).toHaveLength(1);
    expect((await lib.call(POST, { url: "/api/imports", ...json("POST", { paths: [path.join(importDir, "Takeout")] }) })).status).toBe(202);
  });
});

describe("hardening 13: one file-name cleaner for every way a name arrives", () => {
  it("cleans resumable and multipart names alike", async () => {
    const hostile = "a\u0000b/../../\u202Egpj.x.jpg";
    const created = await createUpload(hostile, photo.length);
    expect(created.name).toBe("gpj.x.jpg");
    const route = await import("@/app/api/uploads/[id]/route");
    const finish = await import("@/app/api/uploads/[id]/finish/route");
    await lib.call(route.PATCH, { url: `/api/uploads/${created.id}`, method: "PATCH", params: { id: created.id }, headers: { "upload-offset": "0" }, body: new Uint8Array(photo) });
    const done = await lib.call(finish.POST, { url: `/api/uploads/${created.id}/finish`, method: "POST", params: { id: created.id } });
    expect(done.status).toBe(201);
    const { assetId } = (await done.json()) as { assetId: string };
    expect((await lib.db.asset.findUniqueOrThrow({ where: { id: assetId } })).originalName).toBe("gpj.x.jpg");

    const ingest = await import("@/app/api/ingest/route");
    const other = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#33aa66" } }).jpeg().toBuffer();
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: "\u2066holiday\u2069\u200f.jpg", data: other }) });
    expect(res.status).toBe(201);
    const names = (await lib.db.assetName.findMany({ select: { name: true } })).map((n) => n.name).sort();
    expect(names).toEqual(["gpj.x.jpg", "holiday.jpg"]);
  });
});
