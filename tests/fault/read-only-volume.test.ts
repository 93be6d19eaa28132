// RELIABILITY scenario 25 (docs/reliability.md): the library's disk goes read-only under a running
// app, the way a real disk error does it. The library lives on ext4 in a loop device mounted with
// errors=remount-ro (mounted by this test; CI runs as root); ext4's own error trigger makes the
// kernel remount it read-only with the database open. Ingest and resumable uploads answer 503
// `read_only` with the reason, nothing is half-written (no temp file, no original, no row), reads
// still answer, and after the owner's repair (unmount, e2fsck, mount) ingest works again.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, listOriginals, uploadForm, type TestLibrary } from "../support/test-library";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-ro-"));
const image = path.join(work, "disk.img");
const mountPoint = path.join(work, "mnt");
let lib: TestLibrary;
let ingest: typeof import("@/app/api/ingest/route");
let uploads: typeof import("@/app/api/uploads/route");
let upload: typeof import("@/app/api/uploads/[id]/route");
let assets: typeof import("@/app/api/assets/route");

const mount = () => execFileSync("mount", ["-o", "loop,errors=remount-ro", image, mountPoint], { stdio: "pipe" });

beforeAll(async () => {
  fs.mkdirSync(mountPoint);
  execFileSync("truncate", ["-s", "64M", image]);
  execFileSync("mkfs.ext4", ["-q", "-F", image]);
  try {
    mount();
  } catch (error) {
    throw new Error(`This test needs to mount ext4 on a loop device (run as root): ${(error as Error).message}`);
  }
  lib = await createTestLibrary({ ALBUMS_DATA_DIR: path.join(mountPoint, "data") });
  ingest = await import("@/app/api/ingest/route");
  uploads = await import("@/app/api/uploads/route");
  upload = await import("@/app/api/uploads/[id]/route");
  assets = await import("@/app/api/assets/route");
});

afterAll(async () => {
  await lib?.db.$disconnect();
  spawnSync("umount", [mountPoint]);
  fs.rmSync(work, { recursive: true, force: true });
});

const photo = (shade: number) => sharp({ create: { width: 96, height: 64, channels: 3, background: { r: shade, g: 120, b: 40 } } }).png().toBuffer();
const post = async (shade: number) => lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `ro-${shade}.png`, data: await photo(shade) }) });

describe("library disk remounted read-only", () => {
  it("answers ingest and uploads with 503 read_only, writes nothing, keeps answering, and ingests again after the repair", async () => {
    expect((await post(1)).status).toBe(201);
    const started = await lib.call(uploads.POST, { url: "/api/uploads", method: "POST", body: JSON.stringify({ name: "big.png", size: 10 }), headers: { "content-type": "application/json" } });
    expect(started.status).toBe(201);
    const uploadId = ((await started.json()) as { id: string }).id;
    const originalsBefore = listOriginals(lib.paths);

    const device = path.basename(execFileSync("findmnt", ["-no", "SOURCE", mountPoint], { encoding: "utf8" }).trim());
    fs.writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, "albums read-only test\n");
    expect(execFileSync("findmnt", ["-no", "OPTIONS", mountPoint], { encoding: "utf8" })).toMatch(/^ro,|emergency_ro/);

    const refused = await post(2);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "read_only", message: expect.stringMatching(/read-only/) } });
    const another = await lib.call(uploads.POST, { url: "/api/uploads", method: "POST", body: JSON.stringify({ name: "b.png", size: 10 }), headers: { "content-type": "application/json" } });
    expect(another.status).toBe(503);
    const append = await lib.call(upload.PATCH, { url: `/api/uploads/${uploadId}`, method: "PATCH", params: { id: uploadId }, body: Buffer.alloc(10, 7), headers: { "upload-offset": "0", "content-type": "application/offset+octet-stream" } });
    expect(append.status).toBe(503);
    expect(await append.json()).toMatchObject({ error: { code: "read_only" } });
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
    expect(listOriginals(lib.paths)).toEqual(originalsBefore);
    expect(await lib.db.asset.count()).toBe(1);
    expect((await lib.call(assets.GET, { url: "/api/assets" })).status).toBe(200);

    // The owner's repair: unmount, check, mount again.
    await lib.db.$disconnect();
    execFileSync("umount", [mountPoint]);
    expect([0, 1]).toContain(spawnSync("e2fsck", ["-f", "-y", image]).status);
    mount();
    expect((await post(3)).status).toBe(201);
    expect(await lib.db.asset.count()).toBe(2);
    expect(listOriginals(lib.paths)).toHaveLength(2);
  });
});
