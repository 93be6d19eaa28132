import { randomBytes } from "node:crypto";
import { IDBFactory } from "fake-indexeddb";
import { beforeEach, describe, expect, it } from "vitest";
import { drainQueue } from "@/lib/upload-queue/drain-queue";
import { openQueueStore, type QueueStore } from "@/lib/upload-queue/queue-store";
import { FakeDir, FakeFile, fakeBox, sha, withLiveHandles } from "./fake-folder.test-support";
import { openFolderStore, type FolderStore } from "./folder-store";
import type { FolderRecord } from "./folder-types";
import { freeUpSpace } from "./free-up-space";
import { listFreeable } from "./list-freeable";
import { folderFileReader } from "./read-folder-file";
import { scanFolders } from "./scan-folders";

let queue: QueueStore;
let folders: FolderStore;
let camera: FakeDir;
let box: ReturnType<typeof fakeBox>;
const origin = "https://albums.test";

async function pick(dir: FakeDir): Promise<FolderRecord> {
  const folder: FolderRecord = { id: dir.name, name: dir.name, handle: dir, addedAt: Date.now(), lastScanAt: null, seen: 0, queued: 0, skipped: 0, permission: "granted", lastError: null };
  await folders.putFolder(folder);
  return folder;
}
const scan = () => scanFolders({ folders, queue, origin, fetch: box.fetch, pause: async () => {} });
const queued = async () => (await queue.list()).map((i) => i.name).sort();

beforeEach(async () => {
  const factory = new IDBFactory();
  queue = await openQueueStore(factory);
  camera = new FakeDir("Camera");
  folders = withLiveHandles(await openFolderStore(factory), [camera]);
  box = fakeBox();
  return () => {
    queue.close();
    folders.close();
  };
});

describe("scanFolders", () => {
  it("queues every photo and video once as a reference to the folder, then only new ones; hidden and other files are left alone", async () => {
    camera.put("a.jpg", randomBytes(100), 1_700_000_000_000);
    camera.put("b.mp4", randomBytes(200));
    camera.put("notes.txt", randomBytes(10));
    camera.put(".pending-c.jpg", randomBytes(10));
    const burst = new FakeDir("Burst");
    burst.put("d.heic", randomBytes(50));
    camera.entries.set("Burst", burst);
    await pick(camera);

    expect((await scan())!.get("Camera")).toMatchObject({ seen: 3, candidates: 3, queued: 3, skipped: 0 });
    expect(await queued()).toEqual(["a.jpg", "b.mp4", "d.heic"]);
    const a = (await queue.list()).find((i) => i.name === "a.jpg")!;
    expect(a).toMatchObject({ blob: null, sha256: sha((camera.entries.get("a.jpg") as FakeFile).bytes), capturedAt: "2023-11-14T22:13:20.000Z", folderFile: { folderId: "Camera", path: "a.jpg", size: 100 } });

    expect((await scan())!.get("Camera")).toMatchObject({ seen: 3, candidates: 0, queued: 0 });
    camera.put("e.jpg", randomBytes(30));
    expect((await scan())!.get("Camera")).toMatchObject({ seen: 4, candidates: 1, queued: 1 });
    expect(await queued()).toEqual(["a.jpg", "b.mp4", "d.heic", "e.jpg"]);
    expect(await folders.getFolder("Camera")).toMatchObject({ seen: 4, queued: 4, skipped: 0, permission: "granted" });
  });

  it("does not queue a renamed file again, skips what the box has, and queues a file whose bytes changed", async () => {
    camera.put("a.jpg", randomBytes(100));
    const onBox = camera.put("b.jpg", randomBytes(100));
    box.held.add(sha(onBox.bytes));
    await pick(camera);
    expect((await scan())!.get("Camera")).toMatchObject({ queued: 1, skipped: 1 });

    camera.rename("a.jpg", "IMG_0001.jpg");
    expect((await scan())!.get("Camera")).toMatchObject({ candidates: 1, queued: 0, known: 1 });
    expect((await folders.listFiles("Camera")).map((f) => f.path).sort()).toEqual(["IMG_0001.jpg", "b.jpg"]);

    camera.put("b.jpg", randomBytes(120), 1_800_000_000_000);
    expect((await scan())!.get("Camera")).toMatchObject({ candidates: 1, queued: 1 });
    expect(await queued()).toEqual(["a.jpg", "b.jpg"]);
  });

  it("marks a folder whose permission lapsed instead of reading it, and scans it once granted", async () => {
    camera.put("a.jpg", randomBytes(10));
    await pick(camera);
    camera.permission.read = "prompt";
    expect((await scan())!.size).toBe(0);
    expect(await folders.getFolder("Camera")).toMatchObject({ permission: "prompt", seen: 0 });
    camera.permission.read = "granted";
    expect((await scan())!.get("Camera")).toMatchObject({ queued: 1 });
  });
});

describe("openFolderStore", () => {
  it("forgets a folder with its file records and keeps the others'", async () => {
    const shots = new FakeDir("Screenshots");
    folders = withLiveHandles(folders, [camera, shots]);
    camera.put("a.jpg", randomBytes(10));
    shots.put("s.png", randomBytes(10));
    await pick(camera);
    await pick(shots);
    await scan();
    await folders.removeFolder("Camera");
    expect((await folders.listFolders()).map((f) => f.name)).toEqual(["Screenshots"]);
    expect((await folders.listFiles()).map((f) => f.key)).toEqual(["Screenshots/s.png"]);
  });
});

describe("folder items in the upload queue", () => {
  it("are read from the folder at upload time, and wait while the permission is lapsed", async () => {
    const file = camera.put("a.jpg", randomBytes(64));
    await pick(camera);
    await scan();
    const drain = { store: queue, origin, fetch: box.fetch, readFolderFile: folderFileReader(folders) };
    camera.permission.read = "prompt";
    await drainQueue(drain);
    expect((await queue.list())[0]).toMatchObject({ state: "pending", lastError: expect.stringContaining("permission") });
    expect(box.uploads).toEqual([]);
    camera.permission.read = "granted";
    await queue.update((await queue.list())[0]!.id, (i) => ({ ...i, nextAttemptAt: 0 }));
    await drainQueue(drain);
    expect(box.uploads).toEqual([sha(file.bytes)]);
    expect((await queue.list())[0]).toMatchObject({ state: "done", result: "ingested" });
  });
});

describe("free up space", () => {
  it("lists and deletes only what the box holds and a verified backup covers, and keeps a file whose bytes changed", async () => {
    const safe = camera.put("safe.jpg", randomBytes(40));
    const changed = camera.put("changed.jpg", randomBytes(40));
    const boxOnly = camera.put("box-only.jpg", randomBytes(40));
    camera.put("not-on-box.jpg", randomBytes(40));
    for (const f of [safe, changed, boxOnly]) box.held.add(sha(f.bytes));
    box.backedUp = new Set([sha(safe.bytes), sha(changed.bytes)]);
    await pick(camera);
    await scan();

    const list = await listFreeable({ folders, origin, fetch: box.fetch });
    expect(list.files.map((f) => f.path).sort()).toEqual(["changed.jpg", "safe.jpg"]);
    expect(list).toMatchObject({ mode: "verified-backup", waiting: 1, bytes: 80 });

    changed.bytes = randomBytes(40);
    const result = await freeUpSpace(list.files, { folders, origin, fetch: box.fetch });
    expect(result.removed.map((f) => f.path)).toEqual(["safe.jpg"]);
    expect(result.refused).toEqual([{ file: expect.objectContaining({ path: "changed.jpg" }), reason: "The file changed since the box received it." }]);
    expect([...camera.entries.keys()].sort()).toEqual(["box-only.jpg", "changed.jpg", "not-on-box.jpg"]);
    expect((await folders.listFiles("Camera")).map((f) => f.path)).not.toContain("safe.jpg");
  });

  it("deletes nothing the box no longer holds, nor without write permission", async () => {
    const a = camera.put("a.jpg", randomBytes(40));
    const b = camera.put("b.jpg", randomBytes(40));
    box.held.add(sha(a.bytes)).add(sha(b.bytes));
    await pick(camera);
    await scan();
    const list = await listFreeable({ folders, origin, fetch: box.fetch });
    box.held.delete(sha(a.bytes));
    camera.permission.readwrite = "prompt";
    const result = await freeUpSpace(list.files, { folders, origin, fetch: box.fetch });
    expect(result.removed).toEqual([]);
    expect(result.refused.map((r) => r.reason).sort()).toEqual(["Albums may not delete in Camera.", "The box cannot prove it keeps this file."]);
    expect(camera.entries.size).toBe(2);
  });
});
