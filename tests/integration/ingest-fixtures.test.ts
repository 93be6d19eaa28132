// Ingests every file under ../shared/fixtures/photos through POST /api/ingest on a real temp
// library, runs the worker, and checks metadata, thumbnails, undecodable handling and refusals.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBeforeNextServer } from "../support/before-next-server";
import { sharedFiles, sharedPath } from "../support/shared";
import { createTestLibrary, listOriginals, uploadForm, type TestLibrary } from "../support/test-library";

type IngestReply = { status?: string; assetId?: string; sha256?: string; error?: { code: string; message: string } };

let lib: TestLibrary;
let ingestRoute: typeof import("@/app/api/ingest/route");
let assetRoute: typeof import("@/app/api/assets/[id]/route");
let thumbRoute: typeof import("@/lib/assets/thumbnail-route");
const replies = new Map<string, { status: number; body: IngestReply }>();
const fixtures = sharedFiles("fixtures", "photos");
const rel = (file: string) => path.relative(sharedPath("fixtures", "photos"), file);

async function ingest(file: string) {
  const res = await lib.call(ingestRoute.POST, { url: "/api/ingest", method: "POST", body: uploadForm(file) });
  return { status: res.status, body: (await res.json()) as IngestReply };
}

async function detail(id: string) {
  const res = await lib.call(assetRoute.GET, { url: `/api/assets/${id}`, params: { id } });
  return (await res.json()) as Record<string, any>;
}

async function thumbnail(id: string, size: "sm" | "md" = "sm") {
  return lib.call(thumbRoute.getThumbnail, { url: `/api/assets/${id}/thumbnail?size=${size}`, params: { id } });
}

beforeAll(async () => {
  lib = await createTestLibrary();
  ingestRoute = await import("@/app/api/ingest/route");
  assetRoute = await import("@/app/api/assets/[id]/route");
  thumbRoute = await import("@/lib/assets/thumbnail-route");
  for (const file of fixtures) replies.set(rel(file), await ingest(file));
  await lib.drain();
});

afterAll(async () => lib?.cleanup());

describe("ingesting every fixture photo", () => {
  it("accepts every media file and refuses the rest with 415, leaving nothing behind", async () => {
    for (const [name, reply] of replies) {
      if (name.endsWith(".rst")) {
        expect(reply.status, name).toBe(415);
        expect(reply.body.error?.code).toBe("unsupported_type");
      } else {
        expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBe(201);
      }
    }
    const rows = await lib.db.asset.findMany({ select: { sha256: true, ext: true } });
    expect(rows).toHaveLength(fixtures.length - 1);
    const expected = rows.map((r) => `${r.sha256.slice(0, 2)}/${r.sha256.slice(2, 4)}/${r.sha256}.${r.ext}`).sort();
    expect(listOriginals(lib.paths)).toEqual(expected);
    expect(fs.readdirSync(lib.paths.tmp)).toEqual([]);
  });

  it("stores originals byte for byte", async () => {
    const { hashFile } = await import("@/lib/server/storage");
    for (const file of fixtures.filter((f) => !f.endsWith(".rst"))) {
      const reply = replies.get(rel(file))!;
      expect(reply.body.sha256).toBe(await hashFile(file));
    }
  });

  it("reads GPS and the capture time in the time zone of the GPS position", async () => {
    const a = await detail(replies.get("jpg/gps/DSCN0010.jpg")!.body.assetId!);
    expect(a.location.latitude).toBeCloseTo(43.4674, 4);
    expect(a.location.longitude).toBeCloseTo(11.8851, 4);
    expect(a.capture).toEqual({ at: "2008-10-22T14:28:39.000Z", source: "exif-gps-timezone", timeZone: "Europe/Rome" });
    expect(a.camera).toMatchObject({ make: "NIKON", model: "COOLPIX P6000", iso: 64, fNumber: 5.9, focalLength: 24 });
    expect(a.width).toBe(640);
    expect(a.height).toBe(480);
    expect(a.metadata.exif.DateTimeOriginal).toBe("2008:10:22 16:28:39");
  });

  it("uses the EXIF offset when the camera wrote one", async () => {
    const a = await detail(replies.get("jpg/mobile/HMD_Nokia_8.3_5G.jpg")!.body.assetId!);
    expect(a.capture).toEqual({ at: "2022-08-14T11:12:31.000Z", source: "exif", timeZone: "+03:00" });
    expect(a.camera).toMatchObject({ make: "HMD Global", model: "Nokia 8.3 5G" });
  });

  it("ingests both HEIC files (and the other HEIF samples) with thumbnails", async () => {
    for (const name of ["heic/IMG_5195.HEIC", "heic/mobile/iphone_13_pro_max.HEIC", "heic/mobile/HMD_Nokia_8.3_5G.heif", "heic/samplefilehub.heif"]) {
      const id = replies.get(name)!.body.assetId!;
      const a = await detail(id);
      expect(a.decodeState, name).toBe("ok");
      expect(a.mimeType).toBe("image/heic");
      const res = await thumbnail(id, "md");
      expect(res.status).toBe(200);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format).toBe("webp");
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1440);
    }
    const iphone = await detail(replies.get("heic/mobile/iphone_13_pro_max.HEIC")!.body.assetId!);
    expect(iphone.capture).toEqual({ at: "2022-02-16T11:55:41.762Z", source: "exif", timeZone: "+01:00" });
    expect(iphone.camera.lens).toContain("iPhone 13 Pro Max");
    expect(iphone.height).toBeGreaterThan(iphone.width); // portrait, as the phone was held
  });

  it("turns every orientation (1–8) upright", async () => {
    for (const shape of ["landscape", "portrait"]) {
      const reference = await pixels(replies.get(`jpg/orientation/${shape}_1.jpg`)!.body.assetId!);
      for (let n = 2; n <= 8; n += 1) {
        const name = `jpg/orientation/${shape}_${n}.jpg`;
        const a = await detail(replies.get(name)!.body.assetId!);
        expect(a.orientation, name).toBe(n);
        expect(a.width > a.height, name).toBe(shape === "landscape");
        const candidate = await pixels(a.id);
        expect(meanDifference(reference, candidate), name).toBeLessThan(12);
      }
    }
  });

  it("keeps a corrupt JPEG, flags it undecodable and does not retry it", async () => {
    const id = replies.get("jpg/corrupted.jpg")!.body.assetId!;
    const a = await detail(id);
    expect(a.decodeState).toBe("undecodable");
    expect(a.decodeError).toMatch(/corrupt|premature|marker/i);
    const job = a.derived.jobs.find((j: { kind: string }) => j.kind === "thumbnail");
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    const res = await thumbnail(id);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(((await res.json()) as IngestReply).error?.message).toMatch(/cannot be decoded/);
    expect(fs.existsSync(path.join(lib.paths.originals, a.sha256.slice(0, 2), a.sha256.slice(2, 4), `${a.sha256}.jpg`))).toBe(true);
  });

  it("gives every decodable photo sm and md WebP thumbnails and a placeholder", async () => {
    const assets = await lib.db.asset.findMany({ include: { derivatives: true } });
    const ok = assets.filter((a) => a.decodeState === "ok");
    expect(ok.length).toBe(assets.length - 1);
    for (const a of ok) {
      expect(a.derivatives.map((d) => d.kind).sort(), a.originalName).toEqual(["thumb-md", "thumb-sm"]);
      expect(a.thumbhash).toBeTruthy();
      const sm = a.derivatives.find((d) => d.kind === "thumb-sm")!;
      expect(Math.max(sm.width!, sm.height!)).toBeLessThanOrEqual(400);
    }
  });

  it("answers a second upload of the same bytes as a duplicate, keeping one original", async () => {
    const file = sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0012.jpg");
    const before = listOriginals(lib.paths).length;
    const again = await ingest(file);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: "duplicate", assetId: replies.get("jpg/gps/DSCN0012.jpg")!.body.assetId, sha256: replies.get("jpg/gps/DSCN0012.jpg")!.body.sha256 });
    expect(listOriginals(lib.paths)).toHaveLength(before);
  });

  it("serves thumbnails with a strong ETag: immutable under their version's URL, revalidated (304) without one", async () => {
    const id = replies.get("jpg/gps/DSCN0021.jpg")!.body.assetId!;
    const row = await lib.db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: "thumb-sm" } } });
    const version = `${row.etag.replaceAll('"', "").slice(0, 12)}.0`;
    const versioned = await lib.call(thumbRoute.getThumbnail, { url: `/api/assets/${id}/thumbnail?size=sm&v=${version}`, params: { id } });
    expect(versioned.headers.get("cache-control")).toContain("immutable");
    const res = await thumbnail(id);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const etag = res.headers.get("etag")!;
    expect(etag).toBe(row.etag);
    const again = await lib.call(thumbRoute.getThumbnail, { url: `/api/assets/${id}/thumbnail?size=sm`, params: { id }, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers thumbnails in front of Next.js as scripts/serve.ts does: GET and HEAD alike, 304, 405 for another method, 404 for an unknown or malformed id", async () => {
    const id = replies.get("jpg/gps/DSCN0021.jpg")!.body.assetId!;
    const server = await startBeforeNextServer();
    try {
      const get = await fetch(`${server.base}/api/assets/${id}/thumbnail?size=md`);
      expect(get.status).toBe(200);
      expect(get.headers.get("content-type")).toBe("image/webp");
      const bytes = Buffer.from(await get.arrayBuffer());
      expect((await sharp(bytes).metadata()).format).toBe("webp");
      expect(Number(get.headers.get("content-length"))).toBe(bytes.length);
      const head = await fetch(`${server.base}/api/assets/${id}/thumbnail?size=md`, { method: "HEAD" });
      expect([head.status, head.headers.get("etag"), head.headers.get("content-length")]).toEqual([200, get.headers.get("etag"), String(bytes.length)]);
      expect((await head.arrayBuffer()).byteLength).toBe(0);
      const revalidated = await fetch(`${server.base}/api/assets/${id}/thumbnail?size=md`, { headers: { "if-none-match": get.headers.get("etag")! } });
      expect(revalidated.status).toBe(304);
      const post = await fetch(`${server.base}/api/assets/${id}/thumbnail`, { method: "POST" });
      expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
      const unknown = await fetch(`${server.base}/api/assets/no-such-photo/thumbnail`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
      expect((await fetch(`${server.base}/api/assets/%E0%A4%A/thumbnail`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

async function pixels(id: string): Promise<Buffer> {
  const res = await thumbnail(id);
  return sharp(Buffer.from(await res.arrayBuffer())).resize(32, 32, { fit: "fill" }).greyscale().raw().toBuffer();
}

function meanDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}
