// Issue 5 in real headless Chromium with persistent profiles, behind a stand-in for `tailscale
// serve` (tests/support/serve-proxy.ts: injects the owner's identity for pages and the service
// worker alike, and fails the network on demand): installability, the share target with and
// without a service worker, the offline queue across a browser restart, 5xx and 4xx answers, and
// a 150 MB video through the resumable API with the connection cut twice. RELIABILITY 11 and 12.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { spawnApp, type AppProcess } from "../support/app-process";
import { request } from "../support/http-client";
import { makePdf } from "../support/make-pdf";
import { makeVideo } from "../support/media";
import { auditOutcomes, launchProfile, openControlled, sha256, waitForState } from "../support/pwa-browser";
import { startServeProxy, type ServeProxy } from "../support/serve-proxy";

const OWNER = "me@example.com";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-pwa-"));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "albums-pwa-profiles-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: OWNER };
const databasePath = parseConfig(env).databasePath;
let app: AppProcess;
let proxy: ServeProxy;
let profiles = 0;
const profile = () => path.join(scratch, `profile-${++profiles}`);

type TestFile = { name: string; mimeType: string; buffer: Buffer };

/** A distinct JPEG (random noise, so no two tests share a file). */
async function photo(name: string): Promise<TestFile> {
  const buffer = await sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } }).jpeg().toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

async function mixedFiles(count: number, tag: string): Promise<TestFile[]> {
  const files = await Promise.all(Array.from({ length: count }, (_, i) => photo(`${tag}-${i}.jpg`)));
  if (count >= 5) files[1] = { name: `${tag}.pdf`, mimeType: "application/pdf", buffer: makePdf([`${tag} ${randomBytes(8).toString("hex")}`]) };
  if (count >= 20) {
    files[2] = { name: `${tag}.mp4`, mimeType: "video/mp4", buffer: makeVideo("mp4", { seconds: 1 }) };
    files[3] = { name: `${tag}.png`, mimeType: "image/png", buffer: await sharp(randomBytes(40 * 40 * 4), { raw: { width: 40, height: 40, channels: 4 } }).png().toBuffer() };
  }
  return files;
}

function expectExactlyOnce(files: TestFile[]): void {
  for (const file of files) expect(auditOutcomes(databasePath, sha256(file.buffer)), file.name).toEqual(["ingested"]);
}

/**
 * Posts files to the share target the way the share sheet does: a multipart form navigation to the
 * action of the manifest the browser holds (with a service worker, it carries the worker's key).
 */
async function share(page: import("playwright-core").Page, files: TestFile[]): Promise<void> {
  await page.goto(new URL("/upload", page.url()).href);
  const { data } = await (await page.context().newCDPSession(page)).send("Page.getAppManifest");
  const action = (JSON.parse(data!) as { share_target: { action: string } }).share_target.action;
  await page.evaluate((href) => {
    const form = document.createElement("form");
    Object.assign(form, { method: "post", enctype: "multipart/form-data", action: href, id: "share-form" });
    form.innerHTML = '<input type="hidden" name="title" value="Shared"><input id="share-files" type="file" name="files" multiple>';
    document.body.append(form);
  }, action);
  await page.setInputFiles("#share-files", files);
  await Promise.all([page.waitForURL(/\/upload\?/), page.evaluate(() => (document.getElementById("share-form") as HTMLFormElement).submit())]);
}

beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("test", "error"));
  app = await spawnApp("serve", env);
  proxy = await startServeProxy(app.port, OWNER);
});

afterAll(async () => {
  await proxy?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("installable PWA", () => {
  it("has a valid manifest and icons, a service worker that controls the page, and passes Chromium's installability check", async () => {
    const manifest = await request(proxy.port, { path: "/manifest.webmanifest" });
    expect(manifest.status).toBe(200);
    expect(manifest.json()).toMatchObject({
      name: "Albums", short_name: "Albums", start_url: "/", scope: "/", display: "standalone", theme_color: "#0f172a", background_color: "#0f172a",
      share_target: { action: "/share", method: "post", enctype: "multipart/form-data", params: { files: [{ name: "files", accept: expect.arrayContaining(["image/*", "video/*", "application/pdf"]) }] } },
    });
    const icons = manifest.json().icons as { src: string; sizes: string; purpose: string }[];
    expect(icons.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of icons) {
      const res = await request(proxy.port, { path: icon.src });
      expect(res.status, icon.src).toBe(200);
      const meta = await sharp(res.body).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
    const worker = await request(proxy.port, { path: "/sw.js" });
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toMatch(/javascript/);
    expect(worker.headers["cache-control"]).toBe("no-cache");
    expect(worker.headers["service-worker-allowed"]).toBe("/");

    const context = await launchProfile(profile());
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await openControlled(context, `${proxy.origin}/`);
      const cdp = await context.newCDPSession(page);
      const { errors } = await cdp.send("Page.getAppManifest");
      expect(errors).toEqual([]);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors).toEqual([]);
      // A slow box: a page never kept answers after the worker's 3 s wait. The worker waits for it
      // rather than show another page's HTML under this address (whose screen would not hydrate).
      proxy.delayNext(/^GET \/admin$/, 4500, 1);
      await page.goto(`${proxy.origin}/admin`);
      await page.getByRole("heading", { name: "Settings" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/admin");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("offers to reload when a new version of the service worker is waiting, and reloads into it", async () => {
    const context = await launchProfile(profile());
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      proxy.rewrite(/^GET \/sw\.js/, (body) => Buffer.concat([body, Buffer.from("\n// next version\n")]));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.getByRole("status").filter({ hasText: "A new version of Albums is ready." });
      await prompt.waitFor({ timeout: 30_000 });
      const reloaded = page.waitForEvent("load");
      await prompt.getByRole("button", { name: "Reload" }).click();
      await reloaded;
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated");
      await expect(prompt.count()).resolves.toBe(0);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
    } finally {
      proxy.rewrite(/^GET \/sw\.js/, null);
      await context.close();
    }
  });
});

describe("share target", () => {
  it("queues 1, 5 and 20 shared files in the service worker and lands every file exactly once", async () => {
    const context = await launchProfile(profile());
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      let total = 0;
      for (const count of [1, 5, 20]) {
        const files = await mixedFiles(count, `share${count}`);
        await share(page, files);
        expect(page.url()).toContain(`shared=${count}`);
        total += count;
        await waitForState(page, "done", total);
        expectExactlyOnce(files);
      }
      expect(proxy.seen.filter((line) => line.startsWith("POST /share"))).toEqual([]); // the worker answered, the box never saw it
    } finally {
      await context.close();
    }
  }, 120_000);

  it("without a service worker, the server ingests the files and redirects; cross-site or anonymous posts redirect with the reason", async () => {
    const context = await launchProfile(profile(), { serviceWorkers: "block" });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${proxy.origin}/upload`);
      const files = await mixedFiles(5, "fallback");
      await share(page, files);
      expect(page.url()).toContain("received=5");
      expectExactlyOnce(files);
    } finally {
      await context.close();
    }
    const stray = await mixedFiles(1, "cross");
    const boundary = "----x";
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), stray[0]!.buffer, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
    const crossSite = await request(proxy.port, { method: "POST", path: "/share", headers: { ...headers, "sec-fetch-site": "cross-site" }, body });
    expect(crossSite.status).toBe(303);
    expect(decodeURIComponent(String(crossSite.headers.location))).toMatch(/shareError=Cross-site/);
    const anonymous = await request(app.port, { method: "POST", path: "/share", headers, body });
    expect(anonymous.status).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/shareError=Sign/);
    const garbage = await request(proxy.port, { method: "POST", path: "/share", headers: { "content-type": "text/plain" }, body: "hello" });
    expect(garbage.status).toBe(303);
    expect(auditOutcomes(databasePath, sha256(stray[0]!.buffer))).toEqual([]);
  });
});

describe("durable upload queue", () => {
  it("keeps files picked offline across a browser restart and uploads each exactly once when back online", async () => {
    const dir = profile();
    const files = await mixedFiles(10, "offline");
    let context = await launchProfile(dir);
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      proxy.setOffline(true);
      await page.setInputFiles("[data-testid=file-picker]", files);
      await waitForState(page, "pending", 10);
      await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=item-status]")].every((e) => e.textContent?.includes("Network")));
    } finally {
      await context.close();
    }
    context = await launchProfile(dir);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${proxy.origin}/upload`); // offline: the app shell comes from the worker's cache
      await waitForState(page, "pending", 10);
      const home = await context.newPage();
      await home.goto(`${proxy.origin}/`);
      await expect(home.getByRole("heading", { name: "Albums" }).isVisible()).resolves.toBe(true);
      await home.goto(`${proxy.origin}/albums`); // offline and never kept: Photos, under its own address
      expect(new URL(home.url()).pathname).toBe("/");
      await expect(home.getByRole("heading", { name: "Albums" }).isVisible()).resolves.toBe(true);
      await home.close();
      proxy.setOffline(false);
      await page.getByRole("button", { name: "Sync now" }).click();
      await waitForState(page, "done", 10);
      expectExactlyOnce(files);
    } finally {
      await context.close();
    }
  });

  it("keeps files queued through 500s until the box takes them, and shows a 4xx as failed with the server's reason", async () => {
    const context = await launchProfile(profile());
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      const files = await mixedFiles(3, "flaky");
      proxy.failNext(/^POST \/api\/ingest$/, 500, 4);
      await page.setInputFiles("[data-testid=file-picker]", files);
      await page.waitForFunction(() => document.body.textContent?.includes("waiting to retry (injected 500)"));
      await waitForState(page, "done", 3, 90_000);
      expect(proxy.faults.failed).toBe(4);
      expectExactlyOnce(files);
      await expect(page.getByTestId("storage-use").textContent()).resolves.toMatch(/holds .+ of .+ for Albums; storage is/);

      const notAPhoto: TestFile = { name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from(`<html>not a photo ${randomBytes(8).toString("hex")}</html>`) };
      await page.setInputFiles("[data-testid=file-picker]", [notAPhoto]);
      await waitForState(page, "failed", 1);
      const row = page.locator("[data-testid=queue-item][data-state=failed]");
      await expect(row.getByTestId("item-status").textContent()).resolves.toMatch(/^failed: .*not a photo, video or document/i);
      expect(auditOutcomes(databasePath, sha256(notAPhoto.buffer))).toEqual(["rejected"]); // refused once, never retried
    } finally {
      await context.close();
    }
  }, 120_000);

  it("uploads a 150 MB video through the resumable API with the connection cut twice", async () => {
    const clip = makeVideo("mp4", { seconds: 1 });
    const padding = randomBytes(150 * 1024 * 1024);
    const box = Buffer.alloc(8);
    box.writeUInt32BE(8 + padding.length, 0);
    box.write("free", 4, "latin1");
    const file = path.join(scratch, "big-video.mp4");
    fs.writeFileSync(file, Buffer.concat([clip, box, padding]));
    const video = fs.readFileSync(file);
    const context = await launchProfile(profile());
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      const seenBefore = proxy.seen.length;
      proxy.cutNext(/^PATCH \/api\/uploads\//, 3 * 1024 * 1024);
      proxy.cutNext(/^PATCH \/api\/uploads\//, 5 * 1024 * 1024, 8);
      await page.setInputFiles("[data-testid=file-picker]", file);
      await waitForState(page, "done", 1, 120_000);
      expect(proxy.faults.cut).toBe(2);
      const requests = proxy.seen.slice(seenBefore);
      expect(requests.filter((l) => l === "POST /api/ingest")).toEqual([]);
      // Each cut left part of a chunk on the box; the client resynced to the box's offset (from a HEAD after a failed
      // fetch, or from the 409 answering Chromium's own resend of the cut request) instead of starting over.
      const resyncs = proxy.answers.filter((l) => /^HEAD \/api\/uploads\/.* -> 200$|^PATCH \/api\/uploads\/.* -> 409$/.test(l));
      expect(resyncs.length).toBeGreaterThanOrEqual(2);
      expect(requests.filter((l) => /^POST \/api\/uploads\/[^/]+\/finish$/.test(l))).toHaveLength(1);
      expect(auditOutcomes(databasePath, sha256(video))).toEqual(["ingested"]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
