// Share links end to end on a real share listener (the same createShareServer scripts/serve-share.ts
// starts): isolation from every owner route, passphrase limits, expiry, revoke, and what guests get
// (metadata blanked from the bytes, pixels and samples untouched; the owner's bytes stay exact).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import exifr from "exifr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEmbeddedVideo } from "@/lib/media/motion-photo";
import { makeMotionPhoto, makeSamsungMotionPhoto } from "../support/media";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";
import { unzipEntries } from "../support/unzip";

const TOKEN = "test-token-0123456789abcdef0123";
const ROOT = path.resolve(import.meta.dirname, "../..");
const KODAK = sharedPath("fixtures", "photos", "jpg", "Kodak_CX7530.jpg");
const HEIC = sharedPath("fixtures", "photos", "heic", "IMG_5195.HEIC");
let lib: TestLibrary;
let server: http.Server;
let base: string;
let tmp: string;
let routes: { ingest: typeof import("@/app/api/ingest/route"); links: typeof import("@/app/api/share-links/route"); link: typeof import("@/app/api/share-links/[id]/route"); original: typeof import("@/app/api/assets/[id]/original/route") };
const ids: Record<string, string> = {};
const originals: Record<string, Buffer> = {};
/** Motion Photos (not in the album): Google's (XMP offset) and Samsung's (marker + SEF trailer). */
const motion: Record<string, { id: string; data: Buffer; still: number }> = {};

function makeMovie(name: string, args: string[]): Buffer {
  const out = path.join(tmp, name);
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", ...args, out]);
  return fs.readFileSync(out);
}

async function createLink(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await lib.call(routes.links.POST, { url: "/api/share-links", method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { id: string; token: string; url: string; publicUrl: string | null } };
}

const share = (p: string, init: RequestInit = {}) => fetch(base + p, { redirect: "manual", ...init });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "share-links-"));
  // No API token: this machine is the owner (loopback), like a fresh box.
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  routes = { ingest: await import("@/app/api/ingest/route"), links: await import("@/app/api/share-links/route"), link: await import("@/app/api/share-links/[id]/route"), original: await import("@/app/api/assets/[id]/original/route") };
  const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="10,30N"/></rdf:RDF></x:xmpmeta>';
  Object.assign(originals, {
    jpeg: fs.readFileSync(KODAK),
    heic: fs.readFileSync(HEIC),
    png: await sharp(KODAK).resize(64).keepExif().png().toBuffer(),
    webp: await sharp(KODAK).resize(64).keepExif().withXmp(xmp).webp().toBuffer(),
    mp4: makeMovie("a.mp4", ["-metadata", "location=+48.8584+002.2945/", "-metadata", "make=KODAK"]),
    mov: makeMovie("b.mov", ["-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.location.ISO6709=+48.8584+002.2945/", "-metadata", "com.apple.quicktime.make=KODAK"]),
  });
  for (const [kind, data] of Object.entries(originals)) {
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `shared.${kind}`, data }) });
    ids[kind] = ((await res.json()) as { assetId: string }).assetId;
  }
  for (const [kind, make, still] of [["google", makeMotionPhoto, -originals.mp4!.length], ["samsung", makeSamsungMotionPhoto, originals.jpeg!.length]] as const) {
    const data = make(originals.jpeg!, originals.mp4!);
    const res = await lib.call(routes.ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm({ name: `motion-${kind}.jpg`, data }) });
    motion[kind] = { id: ((await res.json()) as { assetId: string }).assetId, data, still: still < 0 ? data.length + still : still };
  }
  await lib.drain();
  await lib.db.album.create({ data: { id: "holiday", title: "Holiday", assets: { create: Object.values(ids).map((assetId) => ({ assetId })) } } });
  const { createShareServer } = await import("@/lib/share-links/share-server");
  const { getServerDeps } = await import("@/lib/server/deps");
  server = createShareServer({ deps: getServerDeps, requestIdleMs: 30_000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server?.closeAllConnections();
  await lib?.cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every owner route (app/api/**\/route.ts, app/**\/page.tsx and the ZIP downloads) as a URL path, params filled with real ids. */
function ownerPaths(): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name === "route.ts" || entry.name === "page.tsx") {
        const rel = path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
        out.push("/" + rel.map((s) => (s.startsWith("[") ? (s.includes("id") ? ids.jpeg! : "x") : s)).join("/"));
      }
    }
  };
  visit(path.join(ROOT, "app"));
  // The owner's ZIP downloads are answered before Next.js by scripts/serve.ts (lib/downloads/owner-zip-routes.ts): no route file.
  out.push(`/api/albums/${ids.jpeg!}/download.zip`, "/api/assets/download.zip", "/api/downloads/x", "/api/files/folders/root/zip");
  return [...new Set(out)];
}

describe("share listener isolation", () => {
  it("answers no owner route, whatever the path, method or credential", async () => {
    const { body: link } = await createLink({ albumId: "holiday" });
    const paths = ownerPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toContain("/api/share-links");
    const { createSession } = await import("@/lib/auth/sessions");
    const session = await createSession(lib.db, null);
    const credentials: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }, { "tailscale-user-login": "me@example.com" }, { cookie: `albums-session=${session.token}` }, { "x-albums-peer": "127.0.0.1", host: "127.0.0.1:3000" }];
    const prefixes = ["", link.url, `${link.url}/%2e%2e`, "/s/x/.."];
    let tried = 0;
    for (const p of paths) {
      for (const prefix of prefixes) {
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          const headers = credentials[tried % credentials.length]!;
          const res = await share(`${prefix}${p}`, { method, headers, body: method === "GET" ? undefined : "{}" });
          const text = await res.text();
          tried++;
          expect.soft(res.status, `${method} ${prefix}${p}`).toBe(404);
          expect.soft(text).not.toMatch(/"items"|"assetId"|__next|_next\/static/);
        }
      }
    }
    expect(tried).toBeGreaterThan(800);
    // The share routes themselves answer (the walk above is not just a dead port).
    expect((await share(link.url)).status).toBe(200);
  }, 60_000);
});

describe("share links", () => {
  it("stores only a hash of a ≥128-bit token and counts views", async () => {
    const { status, body } = await createLink({ assetIds: [ids.jpeg, ids.mp4] });
    expect(status).toBe(201);
    expect(body.url).toBe(`/s/${body.token}`);
    expect(Buffer.from(body.token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const row = await lib.db.shareLink.findUniqueOrThrow({ where: { id: body.id } });
    expect(JSON.stringify(row)).not.toContain(body.token);
    const page = await share(body.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`/s/${body.token}/assets/${ids.jpeg}/thumb`);
    expect(html).not.toContain(ids.png!);
    expect((await share(`${body.url}/assets/${ids.jpeg}/thumb`)).headers.get("content-type")).toMatch(/^image\//);
    expect((await share(`${body.url}/assets/${ids.png}/original`)).status).toBe(404); // not part of this link
    const list = (await (await lib.call(routes.links.GET, { url: "/api/share-links" })).json()) as { items: { id: string; hits: number; lastUsedAt: string | null; state: string }[] };
    const listed = list.items.find((l) => l.id === body.id)!;
    expect(listed).toMatchObject({ hits: 1, state: "active" });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(body.token);
  });

  it("adds the whole address guests open once the listener's published address is set in Settings (url stays the path)", async () => {
    const settings = await import("@/app/api/share-links/settings/route");
    const patch = async (publicUrl: string, headers: Record<string, string> = {}) => lib.call(settings.PATCH, { url: "/api/share-links/settings", method: "PATCH", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ publicUrl }) });
    expect((await createLink({ albumId: "holiday" })).body.publicUrl).toBeNull();
    for (const bad of ["https://albums.example.org/s/", "javascript:alert(1)", "albums.example.org"]) expect((await patch(bad)).status, bad).toBe(400);
    expect((await patch("https://albums.example.org", { authorization: `Bearer ${await createTestLibraryToken()}` })).status).toBe(403);
    const saved = await patch("https://Albums.Tail1234.ts.net:8443/");
    expect(await saved.json()).toEqual({ publicUrl: "https://albums.tail1234.ts.net:8443", fromEnv: false });
    const { body } = await createLink({ albumId: "holiday" });
    expect(body.url).toBe(`/s/${body.token}`);
    expect(body.publicUrl).toBe(`https://albums.tail1234.ts.net:8443/s/${body.token}`);
    expect(await (await lib.call(routes.links.GET, { url: "/api/share-links" })).json()).toMatchObject({ publicUrl: "https://albums.tail1234.ts.net:8443" });
    expect(await (await patch("")).json()).toEqual({ publicUrl: null, fromEnv: false });
    expect((await createLink({ albumId: "holiday" })).body.publicUrl).toBeNull();
  });

  it("refuses API tokens for creating links (declared owner-only), and bad input", async () => {
    const token = await createTestLibraryToken();
    expect((await createLink({ albumId: "holiday" }, { authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await createLink({ albumId: "holiday", assetIds: [ids.jpeg] })).status).toBe(400);
    expect((await createLink({ albumId: "nope" })).status).toBe(404);
    expect((await createLink({ albumId: "holiday", expiresAt: "2000-01-01T00:00:00Z" })).status).toBe(400);
  });

  it("revokes at once and shows clear pages for revoked, expired and unknown links", async () => {
    const { body } = await createLink({ albumId: "holiday" });
    expect((await share(body.url)).status).toBe(200);
    const del = await lib.call(routes.link.DELETE, { url: `/api/share-links/${body.id}`, method: "DELETE", params: { id: body.id } });
    expect(del.status).toBe(204);
    const revoked = await share(body.url);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain("turned off");
    expect((await share(`${body.url}/download.zip`)).status).toBe(404);
    expect((await share(`${body.url}/assets/${ids.jpeg}/thumb`)).status).toBe(404);

    const { body: soon } = await createLink({ albumId: "holiday", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await lib.db.shareLink.update({ where: { id: soon.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await share(soon.url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("expired");
    const unknown = await share(`/s/${"A".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("nothing at this address");
  });

  it("asks for the passphrase, limits wrong ones per link and per address, and lets the right one in", async () => {
    const { body } = await createLink({ albumId: "holiday", passphrase: "correct horse" });
    const locked = await share(body.url);
    expect(locked.status).toBe(401);
    expect(await locked.text()).toContain('name="passphrase"');
    expect((await share(`${body.url}/assets/${ids.jpeg}/thumb`)).status).toBe(401);
    const unlock = (passphrase: string, address = "203.0.113.7") =>
      share(`${body.url}/unlock`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address }, body: new URLSearchParams({ passphrase }).toString() });
    const ok = await unlock("correct horse");
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get("set-cookie")!.split(";")[0]!;
    expect(ok.headers.get("set-cookie")).toContain(`Path=/s/${body.token}`);
    expect((await share(body.url, { headers: { cookie } })).status).toBe(200);
    expect((await share(`${body.url}/assets/${ids.jpeg}/thumb`, { headers: { cookie } })).status).toBe(200);
    // Per link: 5 wrong tries from five addresses, then even the right one waits.
    for (let i = 0; i < 5; i++) expect((await unlock("wrong", `198.51.100.${i}`)).status).toBe(401);
    const limited = await unlock("correct horse", "198.51.100.99");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    // Per address: one address guessing across links is stopped after 10, on a fresh link too.
    const guess = (url: string, at = base) => fetch(`${at}${url}/unlock`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.1" }, body: JSON.stringify({ passphrase: "nope" }) });
    for (let i = 0; i < 3; i++) {
      const { body: other } = await createLink({ albumId: "holiday", passphrase: `other passphrase ${i}` });
      for (let k = 0; k < 4; k++) expect((await guess(other.url)).status).toBe(i * 4 + k < 10 ? 401 : 429);
    }
    // A restarted share listener (a new one on the same database) still holds both counts.
    const { createShareServer } = await import("@/lib/share-links/share-server");
    const { getServerDeps } = await import("@/lib/server/deps");
    const restarted = createShareServer({ deps: getServerDeps, requestIdleMs: 30_000 });
    await new Promise<void>((resolve) => restarted.listen(0, "127.0.0.1", resolve));
    try {
      const again = `http://127.0.0.1:${(restarted.address() as AddressInfo).port}`;
      const res = await fetch(`${again}${body.url}/unlock`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.98" }, body: JSON.stringify({ passphrase: "correct horse" }) });
      expect(res.status).toBe(429);
      const { body: fresh } = await createLink({ albumId: "holiday", passphrase: "fresh passphrase" });
      expect((await guess(fresh.url, again)).status).toBe(429);
    } finally {
      await new Promise((resolve) => restarted.close(resolve));
      restarted.closeAllConnections();
    }
  });
});

describe("what guests receive", () => {
  const guestBytes = async (kind: string, token: string) => bytes(await share(`/s/${token}/assets/${ids[kind]}/original`));

  it("blanks GPS, maker and XMP metadata from the bytes of every format, without touching pixels or samples", async () => {
    const { body } = await createLink({ albumId: "holiday" });
    for (const kind of ["jpeg", "heic", "png", "webp", "mp4", "mov"]) {
      const original = originals[kind]!;
      const served = await guestBytes(kind, body.token);
      expect(served.length, kind).toBe(original.length);
      expect(served.equals(original), kind).toBe(false);
      expect(served.includes("KODAK"), kind).toBe(false);
      expect(served.includes("GPSLatitude"), kind).toBe(false);
      if (["jpeg", "heic", "png"].includes(kind)) {
        expect(await exifr.gps(original), kind).toBeTruthy();
        expect(await exifr.gps(served), kind).toBeFalsy();
        expect(await exifr.parse(served, { xmp: true, iptc: true, makerNote: true, pick: ["Make", "Model", "SerialNumber", "GPSLatitude"] }).catch(() => undefined), kind).toBeFalsy();
      }
      if (["jpeg", "png", "webp"].includes(kind)) expect((await sharp(served).raw().toBuffer()).equals(await sharp(original).raw().toBuffer()), kind).toBe(true);
      if (kind === "mp4" || kind === "mov") {
        const file = path.join(tmp, `served.${kind}`);
        fs.writeFileSync(file, served);
        const tags = JSON.parse(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "json", file]).toString()) as { format: { tags?: Record<string, string> } };
        expect(JSON.stringify(tags)).not.toMatch(/location|ISO6709|KODAK/i);
        const packets = (f: string) => execFileSync("ffmpeg", ["-v", "error", "-i", f, "-map", "0:v", "-c", "copy", "-f", "md5", "-"]).toString();
        fs.writeFileSync(path.join(tmp, `orig.${kind}`), original);
        expect(packets(file)).toBe(packets(path.join(tmp, `orig.${kind}`)));
      }
    }
    // The same, inside the guest ZIP; and with "show metadata" the guest gets the exact bytes.
    const zip = await bytes(await share(`${body.url}/download.zip`));
    const entries = await unzipEntries(zip);
    expect(entries.size).toBe(6);
    for (const data of entries.values()) expect(data.includes("KODAK")).toBe(false);
    // Its CRCs, derived from the originals' (recorded at ingest) and the blanked spans, check out.
    fs.writeFileSync(path.join(tmp, "guest.zip"), zip);
    expect(execFileSync("unzip", ["-tqq", path.join(tmp, "guest.zip")]).toString()).toBe("");
    const { body: open } = await createLink({ albumId: "holiday", showMetadata: true });
    expect((await guestBytes("jpeg", open.token)).equals(originals.jpeg!)).toBe(true);
  }, 60_000);

  it("cuts a Motion Photo's appended video (it holds the location) from a guest's copy, in the file and in the ZIP", async () => {
    const { body } = await createLink({ assetIds: [motion.google!.id, motion.samsung!.id] });
    const { body: open } = await createLink({ assetIds: [motion.google!.id], showMetadata: true });
    const zip = await bytes(await share(`${body.url}/download.zip`));
    fs.writeFileSync(path.join(tmp, "motion.zip"), zip);
    expect(execFileSync("unzip", ["-tqq", path.join(tmp, "motion.zip")]).toString()).toBe(""); // sizes and CRCs of the cut copies
    const entries = [...(await unzipEntries(zip)).values()];
    const pixels = await sharp(originals.jpeg!).raw().toBuffer();
    for (const [kind, { id, data, still }] of Object.entries(motion)) {
      expect((await lib.db.asset.findUniqueOrThrow({ where: { id } })).motionPhoto, kind).toBe(true);
      expect(findEmbeddedVideo(data), kind).not.toBeNull();
      const res = await share(`${body.url}/assets/${id}/original`);
      const served = await bytes(res);
      expect(served.length, kind).toBe(still);
      expect(res.headers.get("content-length"), kind).toBe(String(still));
      expect(findEmbeddedVideo(served), kind).toBeNull();
      for (const trace of ["ftyp", "mdat", "MotionPhoto_Data", "SEFH", "MicroVideo"]) expect(served.includes(trace), `${kind} ${trace}`).toBe(false);
      expect(await exifr.gps(served), kind).toBeFalsy();
      expect((await sharp(served).raw().toBuffer()).equals(pixels), kind).toBe(true);
      expect(entries.find((e) => e.length === still)?.equals(served), kind).toBe(true);
      // A shorter entity of its own: ranges are within it, and its ETag is not the full file's.
      const part = await share(`${body.url}/assets/${id}/original`, { headers: { range: `bytes=${still - 100}-` } });
      expect(part.status, kind).toBe(206);
      expect(part.headers.get("content-range"), kind).toBe(`bytes ${still - 100}-${still - 1}/${still}`);
      expect((await bytes(part)).equals(served.subarray(still - 100)), kind).toBe(true);
      expect(res.headers.get("etag"), kind).not.toBe((await share(`${open.url}/assets/${motion.google!.id}/original`, { method: "HEAD" })).headers.get("etag"));
    }
    // With "show metadata" the guest gets the file as taken, video and all.
    expect((await bytes(await share(`${open.url}/assets/${motion.google!.id}/original`))).equals(motion.google!.data)).toBe(true);
  });

  it("keeps the owner's own download byte-exact", async () => {
    const res = await lib.call(routes.original.GET, { url: `/api/assets/${ids.jpeg}/original`, params: { id: ids.jpeg! } });
    expect((await bytes(res)).equals(originals.jpeg!)).toBe(true);
  });

  it("serves video byte ranges and refuses downloads when the link does not allow them", async () => {
    const { body } = await createLink({ albumId: "holiday", allowDownload: false });
    expect((await share(`${body.url}/download.zip`)).status).toBe(403);
    expect((await share(`${body.url}/assets/${ids.jpeg}/original`)).status).toBe(403);
    const part = await share(`${body.url}/assets/${ids.mp4}/original`, { headers: { range: "bytes=10-99" } });
    expect(part.status).toBe(206);
    const whole = await guestBytes("mp4", (await createLink({ albumId: "holiday" })).body.token);
    expect((await bytes(part)).equals(whole.subarray(10, 100))).toBe(true);
    expect(await (await share(body.url)).text()).not.toContain("download.zip");
  });
});

async function createTestLibraryToken(): Promise<string> {
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  return (await createApiToken(lib.db, "test")).token;
}

