import { createHash, randomBytes } from "node:crypto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { drainQueue, FolderFileUnavailable } from "./drain-queue";
import { newQueueItem } from "./queue-item";
import { openQueueStore, type QueueStore } from "./queue-store";

/** An in-memory box: ingest (with scripted failures), check, and the resumable API with cuttable PATCHes. */
function fakeBox() {
  const stored = new Map<string, number>();
  const uploads = new Map<string, { size: number; bytes: Buffer }>();
  const box = {
    stored, ingestCalls: 0, failures: [] as number[], rejectWith: null as { status: number; message: string } | null,
    /** PATCH numbers (1-based) cut after half their bytes arrived. */
    cutPatches: new Set<number>(), patches: 0,
    ingest(bytes: Buffer) {
      const sha = createHash("sha256").update(bytes).digest("hex");
      const duplicate = stored.has(sha);
      stored.set(sha, (stored.get(sha) ?? 0) + 1);
      return Response.json({ status: duplicate ? "duplicate" : "ingested", sha256: sha }, { status: duplicate ? 200 : 201 });
    },
    fetch: (async (input: URL | RequestInfo, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? "GET";
      if (url.pathname === "/api/ingest/check") {
        const { sha256 } = JSON.parse(String(init!.body)) as { sha256: string[] };
        return Response.json({ present: sha256.filter((s) => stored.has(s)) });
      }
      if (url.pathname === "/api/ingest") {
        box.ingestCalls++;
        const failure = box.failures.shift();
        if (failure === 0) throw new TypeError("Failed to fetch");
        if (failure) return Response.json({ error: { code: "internal", message: "flaky" } }, { status: failure });
        if (box.rejectWith) return Response.json({ error: { code: "x", message: box.rejectWith.message } }, { status: box.rejectWith.status });
        const file = (init!.body as FormData).get("file") as Blob;
        return box.ingest(Buffer.from(await file.arrayBuffer()));
      }
      const [, , , id, finish] = url.pathname.split("/");
      if (method === "POST" && !id) {
        const { size } = JSON.parse(String(init!.body)) as { size: number };
        const newId = `u${uploads.size + 1}`;
        uploads.set(newId, { size, bytes: Buffer.alloc(0) });
        return Response.json({ id: newId, offset: 0 }, { status: 201 });
      }
      const upload = uploads.get(id!);
      if (!upload) return Response.json({ error: { code: "not_found", message: "gone" } }, { status: 404 });
      const offsetHeaders = { "upload-offset": String(upload.bytes.length) };
      if (method === "HEAD") return new Response(null, { headers: offsetHeaders });
      if (finish) {
        uploads.delete(id!);
        return box.ingest(upload.bytes);
      }
      const offset = Number(new Headers(init!.headers).get("upload-offset"));
      if (offset !== upload.bytes.length) return Response.json({ error: { code: "conflict", message: "wrong" } }, { status: 409, headers: offsetHeaders });
      const chunk = Buffer.from(await (init!.body as Blob).arrayBuffer());
      if (box.cutPatches.has(++box.patches)) {
        upload.bytes = Buffer.concat([upload.bytes, chunk.subarray(0, chunk.length >> 1)]);
        throw new TypeError("network error");
      }
      upload.bytes = Buffer.concat([upload.bytes, chunk]);
      return new Response(null, { status: 204, headers: { "upload-offset": String(upload.bytes.length) } });
    }) as typeof fetch,
  };
  return box;
}

let store: QueueStore;
let box: ReturnType<typeof fakeBox>;
let clock = 1_000_000;
const file = (bytes: Buffer, name = "p.jpg") => Object.assign(new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), { name, lastModified: 1 });
const enqueue = (...bytes: Buffer[]) => store.add(bytes.map((b, i) => newQueueItem(file(b, `f${i}.jpg`), "upload", clock, `id-${i}`)));
const drain = (extra = {}) => drainQueue({ store, fetch: box.fetch, origin: "http://box.test", now: () => clock, sleep: async () => {}, ...extra });

beforeEach(async () => {
  store = await openQueueStore(new IDBFactory());
  box = fakeBox();
});

describe("drainQueue", () => {
  it("uploads each file once, hashing on the device, and drops the bytes once acknowledged", async () => {
    await enqueue(randomBytes(100), randomBytes(200));
    expect(await drain()).toEqual({ waiting: 0, nextAttemptAt: null });
    const items = await store.list();
    expect(items.map((i) => [i.state, i.result, i.blob])).toEqual([["done", "ingested", null], ["done", "ingested", null]]);
    expect([...box.stored.values()]).toEqual([1, 1]);
    expect(items.every((i) => box.stored.has(i.sha256!))).toBe(true);
  });

  it("skips files the box already has without uploading them", async () => {
    const bytes = randomBytes(64);
    box.stored.set(createHash("sha256").update(bytes).digest("hex"), 1);
    await enqueue(bytes);
    await drain();
    expect(box.ingestCalls).toBe(0);
    expect((await store.list())[0]).toMatchObject({ state: "done", result: "present", attempts: 0 });
  });

  it("keeps a file queued through 500s and network errors, retrying after the backoff until a 2xx", async () => {
    box.failures = [500, 0, 503];
    await enqueue(randomBytes(10));
    let summary = await drain();
    expect(summary.waiting).toBe(1);
    expect((await store.list())[0]).toMatchObject({ state: "pending", lastStatus: 500, attempts: 1 });
    expect(await drain()).toEqual(summary); // not due yet: nothing sent
    expect(box.ingestCalls).toBe(1);
    for (let i = 0; i < 3; i++) {
      clock = summary.nextAttemptAt!;
      summary = await drain();
    }
    expect((await store.list())[0]).toMatchObject({ state: "done", attempts: 4 });
    expect(box.ingestCalls).toBe(4);
    expect([...box.stored.values()]).toEqual([1]);
  });

  it("marks a 4xx failed with the server's message and does not retry it", async () => {
    box.rejectWith = { status: 415, message: "This is not a photo, video or document type Albums stores." };
    await enqueue(randomBytes(10));
    expect(await drain()).toEqual({ waiting: 0, nextAttemptAt: null });
    expect((await store.list())[0]).toMatchObject({ state: "failed", lastStatus: 415, lastError: box.rejectWith.message });
    clock += 3_600_000;
    await drain();
    expect(box.ingestCalls).toBe(1);
  });

  it("uploads a big file in chunks, resyncing from the box's offset after cut connections", async () => {
    const bytes = randomBytes(10_000);
    box.cutPatches = new Set([2, 5]);
    await enqueue(bytes);
    await drain({ resumableThreshold: 1000, chunkSize: 1500 });
    expect((await store.list())[0]).toMatchObject({ state: "done", result: "ingested", uploadId: null });
    expect(box.ingestCalls).toBe(0);
    expect([...box.stored.entries()]).toEqual([[createHash("sha256").update(bytes).digest("hex"), 1]]);
  });

  it("reads a folder-backup item from its folder at upload time: a big video goes resumable, a vanished file fails, a lapsed permission waits", async () => {
    const video = randomBytes(5000);
    const ref = (path: string) => ({ folderId: "Camera", path, size: 5000, lastModified: 1 });
    const folderItem = (id: string, path: string) => ({ ...newQueueItem(file(video, path), "upload", clock, id), blob: null, sha256: createHash("sha256").update(video).digest("hex"), folderFile: ref(path) });
    await store.add([folderItem("v", "VID.mp4"), folderItem("gone", "gone.mp4"), folderItem("locked", "locked.mp4")]);
    const readFolderFile = async ({ path }: { path: string }) => {
      if (path === "gone.mp4") throw new FolderFileUnavailable("gone.mp4 can no longer be read", false);
      if (path === "locked.mp4") throw new FolderFileUnavailable("Albums needs permission to read the folder Camera again.", true);
      return file(video, path);
    };
    box.cutPatches = new Set([2]);
    await drain({ resumableThreshold: 1000, chunkSize: 1500, readFolderFile });
    const byId = new Map((await store.list()).map((i) => [i.id, i]));
    expect(byId.get("v")).toMatchObject({ state: "done", result: "ingested" });
    expect(box.patches).toBeGreaterThan(3);
    expect(byId.get("gone")).toMatchObject({ state: "failed", lastError: "gone.mp4 can no longer be read" });
    expect(byId.get("locked")).toMatchObject({ state: "pending", lastError: expect.stringContaining("permission") });
  });

  it("resumes an upload a killed run left behind from the box's durable offset", async () => {
    const bytes = randomBytes(5000);
    box.cutPatches = new Set([2]);
    await enqueue(bytes);
    // A run that dies mid-upload: its item is left "uploading" with the upload id recorded.
    void drain({ resumableThreshold: 1000, chunkSize: 1000, sleep: () => new Promise(() => {}) });
    await new Promise((r) => setTimeout(r, 100));
    expect((await store.list())[0]).toMatchObject({ state: "uploading", uploadId: "u1" });
    await drain({ resumableThreshold: 1000, chunkSize: 1000 });
    expect((await store.list())[0]).toMatchObject({ state: "done", attempts: 2 });
    expect(box.patches).toBe(6); // 1000 + a cut half, then 1500…5000 in four: nothing re-sent
    expect([...box.stored.values()]).toEqual([1]);
  });
});
