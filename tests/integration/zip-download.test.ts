// Owner ZIP downloads: one streamed stored archive with an exact Content-Length; a connection cut
// part-way is resumed with Range/If-Range and the joined bytes are the archive, byte for byte; a
// client that goes away leaves no file open. Served over a real socket by the same route function
// scripts/serve.ts answers them with in front of Next.js (tests/support/before-next-server.ts).
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBeforeNextServer } from "../support/before-next-server";
import { sharedPath } from "../support/shared";
import { originalPath } from "@/lib/server/paths";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";
import { unzipEntries } from "../support/unzip";

const TOKEN = "test-token-0123456789abcdef0123";
const auth = { authorization: `Bearer ${TOKEN}` };
let lib: TestLibrary;
let routes: { ingest: typeof import("@/app/api/ingest/route"); downloads: typeof import("@/app/api/downloads/route") };
let zipServer: Awaited<ReturnType<typeof startBeforeNextServer>>;
let base = "";
const files = ["Canon_40D.jpg", "Kodak_CX7530.jpg", "Nikon_D70.jpg"].map((name) => sharedPath("fixtures", "photos", "jpg", name));
const uploadNames = ["Été à Kyōto.jpg", "../../etc/passwd.jpg", "été à kyōto.jpg"];
const ids: string[] = [];

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_API_TOKEN: TOKEN });
  routes = { ingest: await import("@/app/api/ingest/route"), downloads: await import("@/app/api/downloads/route") };
  zipServer = await startBeforeNextServer();
  base = zipServer.base;
  for (const [i, file] of files.entries()) {
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: uploadNames[i]!, data: fs.readFileSync(file) }), headers: auth });
    ids.push(((await res.json()) as { assetId: string }).assetId);
  }
  await lib.db.album.create({ data: { id: "trip", title: "Trip / 2024", assets: { create: ids.map((assetId) => ({ assetId })) } } });
});

afterAll(async () => {
  await zipServer?.close();
  await lib?.cleanup();
});

const getZip = (p: string, headers: Record<string, string> = {}) => fetch(base + p, { headers: { ...auth, ...headers } });
const getAlbum = (headers: Record<string, string> = {}) => getZip("/api/albums/trip/download.zip", headers);
const postSelection = (contentType: string, body: string) => fetch(`${base}/api/assets/download.zip`, { method: "POST", headers: { ...auth, "content-type": contentType }, body });

/** Reads a response body until at least `bytes` arrived, then drops the connection (cancels the stream). */
async function readThenCut(res: Response, bytes: number): Promise<Buffer> {
  const reader = res.body!.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  while (got < bytes) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
  }
  await reader.cancel();
  return Buffer.concat(parts);
}


describe("owner ZIP downloads", () => {
  it("streams the album as one stored ZIP with an exact Content-Length, safe unique Unicode names and the originals byte for byte", async () => {
    // Ingest recorded each original's CRC-32, so even this first download reads every file once.
    const crcs = await lib.db.fileCrc.findMany({ where: { variant: "exact" } });
    expect(new Map(crcs.map((row) => [row.sha256, row.crc32 >>> 0]))).toEqual(new Map(files.map((f) => { const data = fs.readFileSync(f); return [createHash("sha256").update(data).digest("hex"), zlib.crc32(data) >>> 0]; })));
    const res = await getAlbum();
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-disposition")).toContain("Trip _ 2024.zip");
    const entries = await unzipEntries(body);
    const byName = new Map([...entries].map(([name, data]) => [name, data]));
    expect([...byName.keys()].sort()).toEqual(["passwd.jpg", "Été à Kyōto (2).jpg", "été à kyōto.jpg"].sort());
    const originals = files.map((f) => fs.readFileSync(f));
    for (const data of byName.values()) expect(originals.some((o) => o.equals(data))).toBe(true);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zip-owner-"));
    fs.writeFileSync(path.join(tmp, "a.zip"), body);
    expect(execFileSync("unzip", ["-tqq", path.join(tmp, "a.zip")]).toString()).toBe("");
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("resumes a cut download with Range + If-Range and the joined bytes are the same archive", async () => {
    const whole = Buffer.from(await (await getAlbum()).arrayBuffer());
    const first = await getAlbum();
    const etag = first.headers.get("etag")!;
    const head = await readThenCut(first, Math.floor(whole.length / 2));
    expect(head.length).toBeLessThan(whole.length);
    // A fresh process would not hold the CRCs in memory: drop the cache for the files not yet sent.
    await lib.db.fileCrc.deleteMany({});
    const rest = await getAlbum({ range: `bytes=${head.length}-`, "if-range": etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get("content-range")).toBe(`bytes ${head.length}-${whole.length - 1}/${whole.length}`);
    const joined = Buffer.concat([head, Buffer.from(await rest.arrayBuffer())]);
    expect(joined.equals(whole)).toBe(true);
    // Resuming inside the central directory and inside a data descriptor joins up too.
    for (const from of [whole.length - 60, whole.lastIndexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08])) + 3]) {
      const tail = await getAlbum({ range: `bytes=${from}-`, "if-range": etag });
      expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(from))).toBe(true);
    }
    // A stale If-Range (the album changed) gets the whole new archive, not a mismatched tail.
    expect((await getAlbum({ range: "bytes=10-", "if-range": '"zip-stale"' })).status).toBe(200);
    expect((await getAlbum({ range: `bytes=${whole.length}-` })).status).toBe(416);
  });

  it("downloads a selection with POST {ids}, in the given order", async () => {
    const res = await postSelection("application/json", JSON.stringify({ ids: [ids[2], ids[0]] }));
    expect(res.status).toBe(200);
    const entries = await unzipEntries(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg"]);
    expect(entries.get("été à kyōto.jpg")!.equals(fs.readFileSync(files[2]!))).toBe(true);
    const form = await postSelection("application/x-www-form-urlencoded", `ids=${ids[2]},${ids[0]}`);
    expect(form.status).toBe(200);
    expect([...(await unzipEntries(Buffer.from(await form.arrayBuffer()))).keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg"]);
    const missing = await postSelection("application/json", JSON.stringify({ ids: ["nope"] }));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("records a selection for a GET address that resumes with Range (what the UI downloads through), for a day", async () => {
    const post = (body: unknown) => lib.call(routes.downloads.POST, { url: "/api/downloads", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await post({ ids: [ids[2], ids[0], ids[1]] });
    expect(created.status).toBe(201);
    const { id, url } = (await created.json()) as { id: string; url: string };
    expect(url).toBe(`/api/downloads/${id}`);
    const get = (headers: Record<string, string> = {}) => getZip(url, headers);
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get("accept-ranges")).toBe("bytes");
    expect(first.headers.get("content-disposition")).toContain("albums-3-photos.zip");
    const etag = first.headers.get("etag")!;
    const whole = Buffer.from(await first.arrayBuffer());
    expect([...(await unzipEntries(whole)).keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg", "passwd.jpg"]);
    // The same bytes as the POST answer, and a connection cut part-way resumes where it stopped.
    const posted = await postSelection("application/json", JSON.stringify({ ids: [ids[2], ids[0], ids[1]] }));
    expect(Buffer.from(await posted.arrayBuffer()).equals(whole)).toBe(true);
    const head = await readThenCut(await get(), Math.floor(whole.length / 3));
    const rest = await get({ range: `bytes=${head.length}-`, "if-range": etag });
    expect(rest.status).toBe(206);
    expect(rest.headers.get("content-range")).toBe(`bytes ${head.length}-${whole.length - 1}/${whole.length}`);
    const tail = Buffer.from(await rest.arrayBuffer());
    expect(tail.equals(whole.subarray(head.length))).toBe(true);
    expect(Buffer.concat([head, tail]).equals(whole)).toBe(true);
    // Refused up front for a missing photo; gone after a day (and the expired record is swept).
    expect((await post({ ids: ["nope", ids[0]] })).status).toBe(404);
    expect((await fetch(base + url)).status).toBe(401);
    await lib.db.selectionDownload.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get()).status).toBe(404);
    expect((await post({ ids: [ids[0]] })).status).toBe(201);
    expect(await lib.db.selectionDownload.count({ where: { id } })).toBe(0);
  });

  it("refuses a caller without an identity (401, the JSON error of every API route), another method (405), a malformed download id (400)", async () => {
    const res = await fetch(`${base}/api/albums/trip/download.zip`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await fetch(`${base}/api/albums/trip/download.zip`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const put = await fetch(`${base}/api/albums/trip/download.zip`, { method: "PUT", headers: auth });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    expect((await getZip("/api/downloads/short")).status).toBe(400);
    const head = await fetch(`${base}/api/albums/trip/download.zip`, { method: "HEAD", headers: auth });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
  });

  it("closes every file it opened when the client goes away part-way", async () => {
    // Four 8 MiB originals (more than the loopback socket buffers hold), written as ingest leaves them.
    const big: string[] = [];
    for (let i = 0; i < 4; i++) {
      const data = randomBytes(8 << 20);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const file = originalPath(lib.paths, sha256, "bin");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, data);
      const asset = await lib.db.asset.create({ data: { id: `big${i}`, sha256, ext: "bin", mimeType: "video/mp4", originalName: `big${i}.mp4`, kind: "video", size: BigInt(data.length), source: "test", capturedAt: new Date(1e12 + i), capturedAtSource: "upload" } });
      big.push(asset.id);
    }
    await lib.db.album.create({ data: { id: "big", title: "Big", assets: { create: big.map((assetId) => ({ assetId })) } } });
    const openOriginals = () => fs.readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(lib.paths.originals);
      } catch {
        return false; // closed while listed
      }
    });
    const req = http.get({ host: "127.0.0.1", port: zipServer.port, path: "/api/albums/big/download.zip", headers: auth, agent: false });
    const res = await new Promise<http.IncomingMessage>((resolve) => req.once("response", resolve));
    expect(Number(res.headers["content-length"])).toBeGreaterThan(4 * (8 << 20));
    await new Promise((resolve) => res.once("data", resolve));
    res.pause(); // the server fills the socket and waits for it to drain, files open
    await expect.poll(openOriginals, { timeout: 5000 }).not.toEqual([]);
    req.destroy();
    await expect.poll(openOriginals, { timeout: 5000 }).toEqual([]);
  });
});
