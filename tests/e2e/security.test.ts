// RELIABILITY scenarios 13–16 and 18 against the real server over HTTP: forged identity headers
// (from a client in its own network namespace), cross-origin mutations, traversal variants,
// pixel floods, type spoofing, oversize uploads; plus passphrase login, API tokens and the CSP
// in real Chromium. Each refusal stores nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { libraryPaths } from "@/lib/server/paths";
import { preparePassphraseLibrary } from "../support/passphrase-library";
import { filesUnder, spawnApp, type AppProcess } from "../support/app-process";
import { multipart, request } from "../support/http-client";
import { createNetns } from "../support/netns";
import { pngWithHeader } from "../support/png";

const OWNER = "me@example.com";
const TOKEN = "e2e-token-0123456789abcdef012345";
const PASSPHRASE = "correct horse battery staple";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-sec-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: OWNER, ALBUMS_API_TOKEN: TOKEN, ALBUMS_HOST: "0.0.0.0", ALBUMS_ALLOW_LAN: "1", ALBUMS_MAX_UPLOAD_MB: "2" };
const paths = libraryPaths(parseConfig(env).dataDir);
const owner = { "tailscale-user-login": OWNER };
const bearer = { authorization: `Bearer ${TOKEN}` };
let app: AppProcess;
let netns: ReturnType<typeof createNetns>;
let photo: Buffer;

async function upload(name: string, data: Buffer, headers: Record<string, string>) {
  const { body, contentType } = multipart(name, data);
  return request(app.port, { method: "POST", path: "/api/ingest", headers: { ...headers, "content-type": contentType }, body });
}

/** curl from inside the namespace (a non-loopback peer): `status\nbody`. */
function fromOutside(urlPath: string, args: string[] = []): { status: number; body: string } {
  const out = netns.run("curl", ["-s", "-m", "10", "-o", "-", "-w", "\n%{http_code}", ...args, `http://${netns.hostAddress}:${app.port}${urlPath}`]);
  const cut = out.lastIndexOf("\n");
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) };
}

beforeAll(async () => {
  await preparePassphraseLibrary(env, PASSPHRASE);
  netns = createNetns();
  app = await spawnApp("serve", env);
  photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();
});

afterAll(async () => {
  await app?.stop();
  netns?.remove();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("scenario 13: forged identity", () => {
  it("ignores Tailscale-User-Login (and a forged peer header) unless it comes from the loopback proxy", async () => {
    expect(fromOutside("/api/assets", ["-H", `Tailscale-User-Login: ${OWNER}`]).status).toBe(401);
    expect(fromOutside("/api/assets", ["-H", `Tailscale-User-Login: ${OWNER}`, "-H", "x-albums-peer: 127.0.0.1"]).status).toBe(401);
    expect(fromOutside("/api/health").status).toBe(200);
    expect((await request(app.port, { path: "/api/assets", headers: owner })).status).toBe(200);
    expect((await request(app.port, { path: "/api/assets", headers: { ...owner, "tailscale-funnel-request": "?1" } })).status).toBe(401);
    expect((await request(app.port, { path: "/api/assets", headers: { "tailscale-user-login": "someone@else.com" } })).status).toBe(401);
    expect((await upload("a.jpg", photo, { "tailscale-user-login": "someone@else.com" })).status).toBe(401);
    expect(filesUnder(paths.originals)).toEqual([]);
  });
});

describe("scenario 14: cross-origin mutations", () => {
  it("refuses cross-site POST/DELETE with ambient identity, accepts same-origin and token calls", async () => {
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }, { "sec-fetch-site": "same-site", origin: "https://other.box.ts.net" }];
    for (const headers of attempts) {
      const res = await upload("x.jpg", photo, { ...owner, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
    expect((await request(app.port, { method: "DELETE", path: "/api/admin/tokens/abc", headers: { ...owner, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await request(app.port, { method: "POST", path: "/api/auth/logout", headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect(filesUnder(paths.originals)).toEqual([]);
    expect((await upload("x.jpg", photo, { ...owner, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await upload("x.jpg", photo, { ...bearer, "sec-fetch-site": "cross-site" })).status).toBe(200);
  });
});

describe("scenario 15: path traversal", () => {
  it("never serves anything outside the library for traversal variants, encoded or not, or planted symlinks", async () => {
    const variants = [
      "/api/assets/..%2F..%2F..%2Fetc%2Fpasswd/original",
      "/api/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd/original",
      "/api/assets/..%252F..%252Fetc%252Fpasswd/original",
      "/api/assets/%2Fetc%2Fpasswd/original",
      "/api/assets/..\\..\\etc\\passwd/original",
      "/api/assets/../../../../etc/passwd",
      "/api/assets//etc/passwd/thumbnail",
      "/api/assets/x/thumbnail?size=../../../../etc/passwd",
    ];
    for (const variant of variants) {
      const res = await request(app.port, { path: variant, headers: owner });
      expect([400, 404], variant).toContain(res.status);
      expect(res.body.toString(), variant).not.toContain("root:");
    }
    // A symlink planted where an original should be is not followed.
    const list = (await request(app.port, { path: "/api/assets", headers: owner })).json();
    const id = list.items[0].id as string;
    const asset = (await request(app.port, { path: `/api/assets/${id}`, headers: owner })).json();
    const file = path.join(paths.originals, asset.sha256.slice(0, 2), asset.sha256.slice(2, 4), `${asset.sha256}.${asset.ext}`);
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    fs.symlinkSync("/etc/passwd", file);
    const planted = await request(app.port, { path: `/api/assets/${id}/original`, headers: owner });
    expect(planted.status).toBe(404);
    expect(planted.body.toString()).not.toContain("root:");
    fs.rmSync(file);
    fs.writeFileSync(file, saved);
  });
});

describe("scenarios 16 and 18: hostile files", () => {
  it("refuses pixel floods, type spoofing and oversize uploads, storing nothing", async () => {
    const before = filesUnder(paths.originals);
    const flood = await upload("flood.png", pngWithHeader(17_000, 17_000), owner);
    expect([flood.status, flood.json().error.code]).toEqual([413, "too_many_pixels"]);
    for (const [name, text] of [["page.jpg", "<html><script>alert(1)</script></html>"], ["icon.jpg", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"]]) {
      const spoof = await upload(name!, Buffer.from(text!), owner);
      expect([spoof.status, spoof.json().error.code], name).toEqual([415, "unsupported_type"]);
    }
    const big = await upload("big.jpg", Buffer.concat([photo, Buffer.alloc(3 * 1024 * 1024)]), owner);
    expect([big.status, big.json().error.code]).toEqual([413, "too_large"]);
    expect(filesUnder(paths.originals)).toEqual(before);
    expect(fs.readdirSync(paths.tmp)).toEqual([]);
  });

  it("serves originals with nosniff and a safe Content-Disposition", async () => {
    const reply = (await upload('x"; filename=evil.html', await sharp(photo).png().toBuffer(), owner)).json();
    const res = await request(app.port, { path: `/api/assets/${reply.assetId}/original`, headers: owner });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe(`inline; filename="x_; filename=evil.html"; filename*=UTF-8''x_%3B%20filename%3Devil.html`);
  });
});

describe("passphrase login, sessions and API tokens", () => {
  it("rate-limits wrong passphrases, then signs in with a scoped, HttpOnly cookie that logout revokes", async () => {
    const login = (passphrase: string, headers: Record<string, string> = {}) =>
      request(app.port, { method: "POST", path: "/api/auth/login", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ passphrase }) });
    for (let i = 0; i < 5; i += 1) expect((await login("wrong guess")).status).toBe(401);
    const limited = await login(PASSPHRASE);
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    // Another client address is not locked out by this one's failures.
    const outside = netns.run("curl", ["-s", "-i", "-m", "10", "-H", "content-type: application/json", "-d", JSON.stringify({ passphrase: PASSPHRASE }), `http://${netns.hostAddress}:${app.port}/api/auth/login`]);
    expect(outside).toMatch(/^HTTP\/1\.1 200/);
    const cookie = /set-cookie: (albums-session=[^;]+);([^\r\n]*)/i.exec(outside)!;
    expect(cookie[2]).toMatch(/HttpOnly/);
    expect(cookie[2]).toMatch(/SameSite=Strict/);
    expect(fromOutside("/api/assets", ["-H", `cookie: ${cookie[1]}`]).status).toBe(200);
    expect(fromOutside("/api/assets").status).toBe(401);
    expect(fromOutside("/api/auth/logout", ["-X", "POST", "-H", `cookie: ${cookie[1]}`]).status).toBe(200);
    expect(fromOutside("/api/assets", ["-H", `cookie: ${cookie[1]}`]).status).toBe(401);
  });

  it("uses a Secure __Host- cookie behind HTTPS (tailscale serve)", async () => {
    const res = netns.run("curl", ["-s", "-i", "-m", "10", "-H", "x-forwarded-proto: https", "-H", "content-type: application/json", "-d", JSON.stringify({ passphrase: PASSPHRASE }), `http://${netns.hostAddress}:${app.port}/api/auth/login`]);
    expect(res).toMatch(/set-cookie: __Host-albums-session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Expires=[^;]+; Secure/i);
  });

  it("creates API tokens stored hashed, usable by scripts, revocable, and not able to mint more", async () => {
    const created = await request(app.port, { method: "POST", path: "/api/admin/tokens", headers: { ...owner, "content-type": "application/json" }, body: JSON.stringify({ name: "backup script" }) });
    expect(created.status).toBe(201);
    const { token, info } = created.json();
    expect(token).toMatch(/^alb_/);
    expect((await request(app.port, { path: "/api/assets", headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await request(app.port, { method: "POST", path: "/api/admin/tokens", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: '{"name":"x"}' })).status).toBe(403);
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(path.join(dataDir, "albums.db"), { readonly: true });
    const stored = db.prepare(`SELECT tokenHash FROM "ApiToken" WHERE id = ?`).get(info.id) as { tokenHash: string };
    db.close();
    expect(stored.tokenHash).not.toContain(token);
    expect((await request(app.port, { method: "DELETE", path: `/api/admin/tokens/${info.id}`, headers: owner })).status).toBe(204);
    expect((await request(app.port, { path: "/api/assets", headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe("security headers", () => {
  it("sends a nonce CSP the page actually works under in Chromium", async () => {
    const res = await request(app.port, { path: "/", headers: owner });
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(res.body.toString()).toContain(`nonce="${nonce}"`);

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const context = await browser.newContext({ extraHTTPHeaders: owner });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      page.on("pageerror", (error) => violations.push(error.message));
      await page.goto(`http://127.0.0.1:${app.port}/`, { waitUntil: "networkidle" });
      await expect(page.getByRole("heading", { name: "Albums" }).isVisible()).resolves.toBe(true);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
