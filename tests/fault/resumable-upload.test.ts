// RELIABILITY scenario 6: a large upload interrupted twice (server killed -9 mid-chunk, then the
// client dropping mid-chunk) resumes from the durable offset; a wrong offset gets 409 with the
// right one; the finished file goes through the normal ingest path byte for byte. Plus the API's
// refusals and the expiry of abandoned uploads.
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { hashFile } from "@/lib/server/storage";
import { spawnApp, type AppProcess } from "../support/app-process";
import { request } from "../support/http-client";

const MB = 1024 * 1024;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-resume-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_MAX_UPLOAD_MB: "64" };
let app: AppProcess;
let big: Buffer;
afterAll(async () => {
  await app?.stop("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("t", "error"));
  app = await spawnApp("serve", env);
  const raw = Buffer.alloc(2400 * 1800 * 3);
  for (let i = 0, x = 7; i < raw.length; i += 1) raw[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  big = await sharp(raw, { raw: { width: 2400, height: 1800, channels: 3 } }).jpeg({ quality: 98 }).toBuffer();
});

const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const offsetOf = async (id: string) => Number((await request(app.port, { method: "HEAD", path: `/api/uploads/${id}` })).headers["upload-offset"]);
const patch = (id: string, offset: number, data: Buffer) => request(app.port, { method: "PATCH", path: `/api/uploads/${id}`, headers: { "upload-offset": String(offset), "content-type": "application/offset+octet-stream" }, body: data });

/** Sends `data` at `offset` slowly and stops after `cutAfter` bytes (then `onCut` kills or drops). */
function sendAndCut(id: string, offset: number, data: Buffer, cutAfter: number, onCut: (req: http.ClientRequest) => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port: app.port, method: "PATCH", path: `/api/uploads/${id}`, headers: { "upload-offset": String(offset), "content-length": data.length } });
    req.on("error", () => resolve());
    req.on("response", () => resolve());
    let sent = 0;
    const pump = () => {
      if (sent >= cutAfter) {
        void onCut(req).then(() => setTimeout(resolve, 300));
        return;
      }
      req.write(data.subarray(sent, sent + 64 * 1024));
      sent += 64 * 1024;
      setTimeout(pump, 5);
    };
    pump();
  });
}

describe("scenario 6: resumable upload", () => {
  it("survives a server kill and a dropped connection mid-chunk, resuming from the durable offset", async () => {
    expect(big.length).toBeGreaterThan(4 * MB);
    const sha256 = createHash("sha256").update(big).digest("hex");
    const created = await request(app.port, { method: "POST", path: "/api/uploads", ...json({ name: "VID_20240801_101010.jpg", size: big.length, sha256, capturedAt: "2024-08-01T10:10:10+02:00" }) });
    expect(created.status).toBe(201);
    const { id } = created.json() as { id: string };
    expect(await offsetOf(id)).toBe(0);
    expect((await patch(id, 0, big.subarray(0, MB))).status).toBe(204);
    expect((await patch(id, MB, big.subarray(MB, 2 * MB))).status).toBe(204);
    expect(await offsetOf(id)).toBe(2 * MB);

    // Cut 1: kill -9 the server in the middle of a chunk.
    await sendAndCut(id, 2 * MB, big.subarray(2 * MB, 4 * MB), MB, async () => {
      await app.stop("SIGKILL");
    });
    await prepareLibrary(parseConfig(env), createLogger("t", "error"));
    app = await spawnApp("serve", env);
    const afterKill = await offsetOf(id);
    expect(afterKill).toBeGreaterThanOrEqual(2 * MB);
    expect(afterKill).toBeLessThan(4 * MB);

    const wrong = await patch(id, 0, big.subarray(0, 10));
    expect(wrong.status).toBe(409);
    expect(Number(wrong.headers["upload-offset"])).toBe(afterKill);

    // Cut 2: the client drops mid-chunk; what arrived is kept.
    await sendAndCut(id, afterKill, big.subarray(afterKill, afterKill + 2 * MB), MB, async (req) => {
      req.destroy();
    });
    let afterDrop = await offsetOf(id);
    for (let waited = 0; afterDrop === afterKill && waited < 5_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100)); // the server notices the drop, then records what arrived
      afterDrop = await offsetOf(id);
    }
    expect(afterDrop).toBeGreaterThan(afterKill);

    let offset = afterDrop;
    while (offset < big.length) {
      const res = await patch(id, offset, big.subarray(offset, offset + MB));
      expect(res.status).toBe(204);
      offset = Number(res.headers["upload-offset"]);
    }
    const finished = await request(app.port, { method: "POST", path: `/api/uploads/${id}/finish` });
    expect(finished.status).toBe(201);
    expect(finished.json()).toMatchObject({ status: "ingested", sha256 });
    const stored = path.join(dataDir, "originals", sha256.slice(0, 2), sha256.slice(2, 4), `${sha256}.jpg`);
    expect(await hashFile(stored)).toBe(sha256);
    const asset = (await request(app.port, { path: `/api/assets/${finished.json().assetId}` })).json();
    expect(asset.capture.source).toBe("client");
    expect(asset.originalName).toBe("VID_20240801_101010.jpg");
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual([]);
    expect((await request(app.port, { method: "HEAD", path: `/api/uploads/${id}` })).status).toBe(404);
  });

  it("refuses oversize, overlong and premature requests; cancel and expiry remove the bytes", async () => {
    expect((await request(app.port, { method: "POST", path: "/api/uploads", ...json({ name: "x.jpg", size: 65 * MB }) })).status).toBe(413);
    expect((await request(app.port, { method: "POST", path: "/api/uploads", ...json({ name: "", size: 1 }) })).status).toBe(400);
    const { id } = (await request(app.port, { method: "POST", path: "/api/uploads", ...json({ name: "x.jpg", size: 10 }) })).json() as { id: string };
    expect((await patch(id, 0, Buffer.alloc(11))).status).toBe(413);
    expect(await offsetOf(id)).toBe(0); // a chunk past the declared size is refused whole
    const notYet = await request(app.port, { method: "POST", path: "/api/uploads", ...json({ name: "y.jpg", size: 100 }) });
    const other = (notYet.json() as { id: string }).id;
    expect((await request(app.port, { method: "POST", path: `/api/uploads/${other}/finish` })).status).toBe(409);
    expect((await request(app.port, { method: "PATCH", path: `/api/uploads/${other}`, body: "x" })).status).toBe(400);
    expect((await request(app.port, { method: "DELETE", path: `/api/uploads/${other}` })).status).toBe(204);
    expect((await request(app.port, { method: "HEAD", path: "/api/uploads/not-an-id" })).status).toBe(404);
    expect((await request(app.port, { method: "DELETE", path: "/api/uploads/not-an-id" })).status).toBe(404);

    const { openDb } = await import("@/lib/server/db");
    const { expireUploads } = await import("@/lib/uploads/cancel-upload");
    const { libraryPaths } = await import("@/lib/server/paths");
    const db = await openDb(path.join(dataDir, "albums.db"));
    expect(await expireUploads(db, libraryPaths(dataDir), new Date(Date.now() + 25 * 3600_000))).toBe(1);
    await db.$disconnect();
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual([]);
  });
});
