// The HTTP contract of the spine on a real temp library: identity, refusals, videos, PDFs,
// Motion Photos, pagination, ranges and the audit log.
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeMotionPhoto, makeSamsungMotionPhoto, makeVideo } from "../support/media";
import { makePdf } from "../support/make-pdf";
import { pngWithHeader } from "../support/png";
import { sharedPath } from "../support/shared";
import { createTestLibrary, listOriginals, uploadForm, type RouteHandler, type TestLibrary } from "../support/test-library";

const TOKEN = "test-token-0123456789abcdef0123";
const auth = { authorization: `Bearer ${TOKEN}` };
type Reply = { status?: string; assetId?: string; sha256?: string; error?: { code: string; message: string } };

let lib: TestLibrary;
let routes: {
  ingest: typeof import("@/app/api/ingest/route");
  check: typeof import("@/app/api/ingest/check/route");
  list: typeof import("@/app/api/assets/route");
  asset: typeof import("@/app/api/assets/[id]/route");
  thumbnail: { GET: RouteHandler };
  original: typeof import("@/app/api/assets/[id]/original/route");
  motion: typeof import("@/app/api/assets/[id]/motion/route");
  health: typeof import("@/app/api/health/route");
};

async function post(file: Parameters<typeof uploadForm>[0], fields: Record<string, string> = {}, headers: Record<string, string> = auth) {
  const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm(file, fields), headers });
  return { status: res.status, body: (await res.json()) as Reply };
}

async function get(route: { GET: RouteHandler }, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return lib.call(route.GET, { url, params, headers: { ...auth, ...headers } });
}

async function detail(id: string) {
  return (await (await get(routes.asset, `/api/assets/${id}`, { id })).json()) as Record<string, any>;
}

async function plainPng(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: seed % 256, g: (seed * 7) % 256, b: 90 } } }).png().toBuffer();
}

beforeAll(async () => {
  // Search enrichment is off: each drain here is about decoding, thumbnails, posters and document text (search.test.ts covers OCR and the rest).
  lib = await createTestLibrary({ ALBUMS_API_TOKEN: TOKEN, ALBUMS_OWNER: "me@example.com", ALBUMS_MAX_UPLOAD_MB: "5", ALBUMS_ENRICHMENT: "none" });
  routes = {
    ingest: await import("@/app/api/ingest/route"),
    check: await import("@/app/api/ingest/check/route"),
    list: await import("@/app/api/assets/route"),
    asset: await import("@/app/api/assets/[id]/route"),
    thumbnail: { GET: (await import("@/lib/assets/thumbnail-route")).getThumbnail },
    original: await import("@/app/api/assets/[id]/original/route"),
    motion: await import("@/app/api/assets/[id]/motion/route"),
    health: await import("@/app/api/health/route"),
  };
});

afterAll(async () => lib?.cleanup());

describe("identity", () => {
  const photo = () => sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg");

  it("refuses requests without an identity, forged Tailscale headers and wrong tokens with 401", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { "tailscale-user-login": "me@example.com", "x-albums-peer": "100.101.102.103" },
      { "tailscale-user-login": "eve@example.com" },
      { "tailscale-user-login": "me@example.com", "tailscale-funnel-request": "?1" },
      { authorization: "Bearer wrong-token-wrong-token-wrong" },
    ];
    for (const headers of attempts) {
      const res = await post(photo(), {}, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.error?.code).toBe("unauthorized");
    }
    expect(await lib.db.asset.count()).toBe(0);
    expect(listOriginals(lib.paths)).toEqual([]);
    expect(await lib.db.ingestAudit.count({ where: { errorCode: "unauthorized" } })).toBe(5);
  });

  it("accepts the owner through tailscale serve (loopback peer) and the API token", async () => {
    const viaServe = await post(photo(), {}, { "tailscale-user-login": "me@example.com" });
    expect(viaServe.status).toBe(201);
    const viaToken = await post(photo());
    expect(viaToken).toMatchObject({ status: 200, body: { status: "duplicate", assetId: viaServe.body.assetId } });
    const audit = await lib.db.ingestAudit.findMany({ where: { assetId: viaServe.body.assetId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.outcome, a.client])).toEqual([["ingested", "tailscale:me@example.com"], ["duplicate", "token:api-token"]]);
  });

  it("leaves /api/health open and reports queue totals", async () => {
    const res = await routes.health.GET();
    const body = (await res.json()) as { db: string; jobs: { pending: number } };
    expect(res.status).toBe(200);
    expect(body.db).toBe("ok");
    expect(body.jobs.pending).toBeGreaterThan(0);
  });
});

describe("refusals leave nothing behind", () => {
  async function expectNothingStored(before: { assets: number; files: number }) {
    expect(await lib.db.asset.count()).toBe(before.assets);
    expect(listOriginals(lib.paths)).toHaveLength(before.files);
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
  }
  const snapshot = async () => ({ assets: await lib.db.asset.count(), files: listOriginals(lib.paths).length });

  it("422 when the declared SHA-256 does not match the bytes", async () => {
    const before = await snapshot();
    const res = await post({ name: "a.png", data: await plainPng(1) }, { sha256: "0".repeat(64) });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe("hash_mismatch");
    await expectNothingStored(before);
  });

  it("415 for HTML or SVG renamed .jpg, and for an empty file", async () => {
    const before = await snapshot();
    for (const [name, text] of [["evil.jpg", "<!doctype html><script>alert(1)</script>"], ["logo.jpg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], ["empty.jpg", ""]]) {
      const res = await post({ name: name!, data: Buffer.from(text!) });
      expect(res.status, name).toBe(415);
      expect(res.body.error?.code).toBe("unsupported_type");
    }
    await expectNothingStored(before);
  });

  it("413 for an upload over the size limit", async () => {
    const before = await snapshot();
    const big = Buffer.concat([await plainPng(2), Buffer.alloc(6 * 1024 * 1024, 1)]);
    const res = await post({ name: "big.png", data: big });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe("too_large");
    await expectNothingStored(before);
  });

  it("413 for a pixel flood, decided from the header before any decode", async () => {
    const before = await snapshot();
    const res = await post({ name: "flood.png", data: pngWithHeader(17_000, 17_000) });
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe("too_many_pixels");
    await expectNothingStored(before);
  });

  it("400 for malformed fields, a missing file part or a non-multipart body", async () => {
    const png = { name: "x.png", data: await plainPng(3) };
    expect((await post(png, { sha256: "xyz" })).status).toBe(400);
    expect((await post(png, { source: "bogus" })).status).toBe(400);
    expect((await post(png, { capturedAt: "yesterday" })).status).toBe(400);
    const noFile = new FormData();
    noFile.set("source", "api");
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: noFile, headers: auth });
    expect(res.status).toBe(400);
    const json = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: "{}", headers: { ...auth, "content-type": "application/json" } });
    expect(json.status).toBe(400);
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
  });
});

describe("capture time from the client and the file name", () => {
  it("uses capturedAt when the file has no EXIF, and records the source", async () => {
    const res = await post({ name: "shared.png", data: await plainPng(10) }, { capturedAt: "2021-06-01T08:30:00+02:00", source: "share" });
    const a = await detail(res.body.assetId!);
    expect(a.capture).toEqual({ at: "2021-06-01T06:30:00.000Z", source: "client", timeZone: null });
    expect(a.source).toBe("share");
  });

  it("reads a date from a phone-style file name", async () => {
    const res = await post({ name: "IMG_20240726_153012.png", data: await plainPng(11) });
    const a = await detail(res.body.assetId!);
    expect(a.capture.source).toBe("filename");
    expect(a.capture.at.startsWith("2024-07-26")).toBe(true);
  });
});

describe("other still formats", () => {
  it("ingests WebP, AVIF, GIF and TIFF with thumbnails", async () => {
    const base = sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 10, g: 120, b: 200 } } });
    const files = {
      "a.webp": await base.clone().webp().toBuffer(),
      "a.avif": await base.clone().avif().toBuffer(),
      "a.gif": await base.clone().gif().toBuffer(),
      "a.tiff": await base.clone().tiff().toBuffer(),
    };
    const ids: string[] = [];
    for (const [name, data] of Object.entries(files)) {
      const res = await post({ name, data });
      expect(res.status, name).toBe(201);
      ids.push(res.body.assetId!);
    }
    await lib.drain();
    for (const id of ids) {
      const a = await detail(id);
      expect(a.decodeState, a.mimeType).toBe("ok");
      expect([a.width, a.height], a.mimeType).toEqual([300, 200]);
      expect(a.thumbnails).toEqual({ sm: true, md: true });
    }
    expect((await Promise.all(ids.map(detail))).map((a) => a.mimeType)).toEqual(["image/webp", "image/avif", "image/gif", "image/tiff"]);
  });
});

describe("videos, documents and Motion Photos", () => {
  it("ingests MP4, MOV, WebM, MKV and 3GP with duration, size, codec and a poster", async () => {
    const ids: Record<string, string> = {};
    for (const ext of ["mp4", "mov", "webm", "mkv", "3gp"] as const) {
      const res = await post({ name: `clip.${ext}`, data: makeVideo(ext, { creationTime: "2023-07-01T08:00:00Z" }) });
      expect(res.status, ext).toBe(201);
      ids[ext] = res.body.assetId!;
    }
    const pending = await get(routes.thumbnail, `/api/assets/${ids.mp4}/thumbnail`, { id: ids.mp4! });
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({ status: "pending" });
    await lib.drain();
    for (const [ext, id] of Object.entries(ids)) {
      const a = await detail(id);
      expect(a.kind, ext).toBe("video");
      expect(a.video.durationMs, ext).toBeGreaterThan(1800);
      expect(a.video.durationMs, ext).toBeLessThan(2300);
      expect(a.width, ext).toBe(ext === "3gp" ? 176 : 320);
      expect(a.video.codec, ext).toBe({ mp4: "h264", mov: "h264", webm: "vp9", mkv: "h264", "3gp": "mpeg4" }[ext]);
      expect(a.decodeState, ext).toBe("ok");
      expect(a.thumbnails, ext).toEqual({ sm: true, md: true });
    }
    const mp4 = await detail(ids.mp4!);
    expect(mp4.capture).toMatchObject({ at: "2023-07-01T08:00:00.000Z", source: "container" });
    expect(mp4.mimeType).toBe("video/mp4");
  });

  it("extracts a PDF's text, page count and first-page thumbnail", async () => {
    const res = await post({ name: "invoice.pdf", data: makePdf(["Invoice 2024 for Albums", "Second page mentions PARKING"]) });
    expect(res.status).toBe(201);
    await lib.drain();
    const a = await detail(res.body.assetId!);
    expect(a.kind).toBe("document");
    expect(a.document.pageCount).toBe(2);
    const text = await lib.db.documentText.findUnique({ where: { assetId: a.id } });
    expect(text?.text).toContain("Invoice 2024 for Albums");
    expect(text?.text).toContain("PARKING");
    expect(a.thumbnails.md).toBe(true);
  });

  it("keeps a broken PDF, flagged, without retrying", async () => {
    const broken = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2000, 0x41)]);
    const res = await post({ name: "broken.pdf", data: broken });
    expect(res.status).toBe(201);
    await lib.drain();
    const a = await detail(res.body.assetId!);
    expect(a.decodeState).toBe("undecodable");
    expect(a.derived.jobs).toEqual([expect.objectContaining({ kind: "document-text", status: "failed", attempts: 1 })]);
  });

  it("splits the video out of Google and Samsung Motion Photos", async () => {
    const jpeg = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0025.jpg"));
    const clip = makeVideo("mp4", { seconds: 1 });
    for (const [name, data] of [["PXL_20240101_101010.MP.jpg", makeMotionPhoto(jpeg, clip)], ["20240101_101011.jpg", makeSamsungMotionPhoto(jpeg, clip)]] as const) {
      const res = await post({ name, data });
      expect(res.status, name).toBe(201);
      await lib.drain();
      const a = await detail(res.body.assetId!);
      expect(a.motionPhoto, name).toEqual({ videoUrl: `/api/assets/${a.id}/motion` });
      expect(a.thumbnails.sm).toBe(true);
      const video = await get(routes.motion, a.motionPhoto.videoUrl, { id: a.id });
      expect(video.headers.get("content-type")).toBe("video/mp4");
      expect(Buffer.compare(Buffer.from(await video.arrayBuffer()), clip)).toBe(0);
    }
    const plain = await post(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0027.jpg"));
    await lib.drain();
    expect((await detail(plain.body.assetId!)).motionPhoto).toBeNull();
  });
});

describe("reading the library", () => {
  it("pages newest first with a cursor, without gaps or repeats, and filters by kind", async () => {
    const all = await lib.db.asset.findMany({ orderBy: [{ capturedAt: "desc" }, { id: "desc" }], select: { id: true } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(routes.list, `/api/assets?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: { id: string; capturedAt: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((a) => a.id));
    const videos = (await (await get(routes.list, "/api/assets?kind=video&limit=100")).json()) as { items: { kind: string }[] };
    expect(videos.items.length).toBeGreaterThanOrEqual(5);
    expect(videos.items.every((i) => i.kind === "video")).toBe(true);
    expect((await get(routes.list, "/api/assets?cursor=garbage")).status).toBe(400);
    expect((await get(routes.list, "/api/assets?limit=100000")).status).toBe(400);
  });

  it("says which digests are already stored", async () => {
    const stored = (await lib.db.asset.findFirst({ select: { sha256: true } }))!.sha256;
    const res = await lib.call(routes.check.POST, { url: "/api/ingest/check", method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ sha256: [stored.toUpperCase(), "f".repeat(64)] }) });
    expect(await res.json()).toEqual({ present: [stored] });
    const bad = await lib.call(routes.check.POST, { url: "/api/ingest/check", method: "POST", headers: auth, body: "not json" });
    expect(bad.status).toBe(400);
  });

  it("serves the exact original with ranges, nosniff and a safe Content-Disposition", async () => {
    const bytes = await plainPng(42);
    const { body } = await post({ name: 'Été "plage".png', data: bytes });
    const id = body.assetId!;
    const full = await get(routes.original, `/api/assets/${id}/original`, { id });
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/png");
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    expect(full.headers.get("content-disposition")).toBe(`inline; filename="Ete _plage_.png"; filename*=UTF-8''%C3%89t%C3%A9%20_plage_.png`);
    expect(Buffer.compare(Buffer.from(await full.arrayBuffer()), bytes)).toBe(0);
    const part = await get(routes.original, `/api/assets/${id}/original`, { id }, { range: "bytes=1-3" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1-3/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(1, 4));
    expect((await get(routes.original, `/api/assets/${id}/original`, { id }, { range: `bytes=${bytes.length}-` })).status).toBe(416);
    const download = await get(routes.original, `/api/assets/${id}/original?download=1`, { id });
    expect(download.headers.get("content-disposition")?.startsWith("attachment;")).toBe(true);
    expect((await get(routes.original, "/api/assets/nope/original", { id: "nope" })).status).toBe(404);
  });

  it("audits every attempt with its outcome", async () => {
    const rows = await lib.db.ingestAudit.groupBy({ by: ["outcome"], _count: { _all: true } });
    const count = (outcome: string) => rows.find((r) => r.outcome === outcome)?._count._all ?? 0;
    expect(count("ingested")).toBe(await lib.db.asset.count());
    expect(count("duplicate")).toBeGreaterThanOrEqual(1);
    expect(count("rejected")).toBeGreaterThanOrEqual(5 + 1 + 3 + 1 + 1 + 5);
    const mismatch = await lib.db.ingestAudit.findFirst({ where: { errorCode: "hash_mismatch" } });
    expect(mismatch).toMatchObject({ originalName: "a.png", outcome: "rejected", client: "token:api-token" });
    expect(mismatch?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
