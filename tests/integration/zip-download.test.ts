// Owner ZIP downloads: one streamed stored archive with an exact Content-Length; a connection cut
// part-way is resumed with Range/If-Range and the joined bytes are the archive, byte for byte.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";
import { unzipEntries } from "../support/unzip";

const TOKEN = "test-token-0123456789abcdef0123";
const auth = { authorization: `Bearer ${TOKEN}` };
let lib: TestLibrary;
let routes: {
  ingest: typeof import("@/app/api/ingest/route");
  album: typeof import("@/app/api/albums/[id]/download.zip/route");
  selection: typeof import("@/app/api/assets/download.zip/route");
  downloads: typeof import("@/app/api/downloads/route");
  download: typeof import("@/app/api/downloads/[id]/route");
};
const files = ["Canon_40D.jpg", "Kodak_CX7530.jpg", "Nikon_D70.jpg"].map((name) => sharedPath("fixtures", "photos", "jpg", name));
const uploadNames = ["Été à Kyōto.jpg", "../../etc/passwd.jpg", "été à kyōto.jpg"];
const ids: string[] = [];

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_API_TOKEN: TOKEN });
  routes = { ingest: await import("@/app/api/ingest/route"), album: await import("@/app/api/albums/[id]/download.zip/route"), selection: await import("@/app/api/assets/download.zip/route"), downloads: await import("@/app/api/downloads/route"), download: await import("@/app/api/downloads/[id]/route") };
  for (const [i, file] of files.entries()) {
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: uploadNames[i]!, data: fs.readFileSync(file) }), headers: auth });
    ids.push(((await res.json()) as { assetId: string }).assetId);
  }
  await lib.db.album.create({ data: { id: "trip", title: "Trip / 2024", assets: { create: ids.map((assetId) => ({ assetId })) } } });
});

afterAll(async () => lib?.cleanup());

const getAlbum = (headers: Record<string, string> = {}) => lib.call(routes.album.GET, { url: "/api/albums/trip/download.zip", params: { id: "trip" }, headers: { ...auth, ...headers } });

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
    const res = await lib.call(routes.selection.POST, { url: "/api/assets/download.zip", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ ids: [ids[2], ids[0]] }) });
    expect(res.status).toBe(200);
    const entries = await unzipEntries(Buffer.from(await res.arrayBuffer()));
    expect([...entries.keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg"]);
    expect(entries.get("été à kyōto.jpg")!.equals(fs.readFileSync(files[2]!))).toBe(true);
    const form = await lib.call(routes.selection.POST, { url: "/api/assets/download.zip", method: "POST", headers: { ...auth, "content-type": "application/x-www-form-urlencoded" }, body: `ids=${ids[2]},${ids[0]}` });
    expect(form.status).toBe(200);
    expect([...(await unzipEntries(Buffer.from(await form.arrayBuffer()))).keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg"]);
    const missing = await lib.call(routes.selection.POST, { url: "/api/assets/download.zip", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ ids: ["nope"] }) });
    expect(missing.status).toBe(404);
  });

  it("records a selection for a GET address that resumes with Range (what the UI downloads through), for a day", async () => {
    const post = (body: unknown) => lib.call(routes.downloads.POST, { url: "/api/downloads", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await post({ ids: [ids[2], ids[0], ids[1]] });
    expect(created.status).toBe(201);
    const { id, url } = (await created.json()) as { id: string; url: string };
    expect(url).toBe(`/api/downloads/${id}`);
    const get = (headers: Record<string, string> = {}) => lib.call(routes.download.GET, { url, params: { id }, headers: { ...auth, ...headers } });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get("accept-ranges")).toBe("bytes");
    expect(first.headers.get("content-disposition")).toContain("albums-3-photos.zip");
    const etag = first.headers.get("etag")!;
    const whole = Buffer.from(await first.arrayBuffer());
    expect([...(await unzipEntries(whole)).keys()]).toEqual(["été à kyōto.jpg", "Été à Kyōto (2).jpg", "passwd.jpg"]);
    // The same bytes as the POST answer, and a connection cut part-way resumes where it stopped.
    const posted = await lib.call(routes.selection.POST, { url: "/api/assets/download.zip", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ ids: [ids[2], ids[0], ids[1]] }) });
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
    expect((await lib.call(routes.download.GET, { url, params: { id } })).status).toBe(401);
    await lib.db.selectionDownload.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get()).status).toBe(404);
    expect((await post({ ids: [ids[0]] })).status).toBe(201);
    expect(await lib.db.selectionDownload.count({ where: { id } })).toBe(0);
  });

  it("refuses a caller without an identity", async () => {
    const res = await lib.call(routes.album.GET, { url: "/api/albums/trip/download.zip", params: { id: "trip" } });
    expect(res.status).toBe(401);
  });
});
