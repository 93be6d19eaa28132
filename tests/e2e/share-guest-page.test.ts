// The guest page of a share link in real Chromium, at phone and desktop sizes: no page errors,
// nothing loaded from another origin, a justified grid, the lightbox (tap, swipe, keys), video
// playback and "download all". The share listener needs no Next.js build.
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeVideo } from "../support/media";
import { CHROMIUM_ARGS } from "../support/pwa-browser";
import { sharedPath } from "../support/shared";
import { createTestLibrary, uploadForm, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let server: http.Server;
let browser: Browser;
let origin: string;
let linkUrl: string;

beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none" });
  const ingest = await import("@/app/api/ingest/route");
  const files: { name: string; data: Buffer }[] = [
    { name: "a.jpg", data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")) },
    { name: "b.jpg", data: await sharp({ create: { width: 300, height: 800, channels: 3, background: "#357" } }).jpeg().toBuffer() },
    { name: "c.jpg", data: await sharp({ create: { width: 1200, height: 400, channels: 3, background: "#a53" } }).jpeg().toBuffer() },
    { name: "d.mp4", data: makeVideo("mp4", { seconds: 1 }) },
  ];
  const ids: string[] = [];
  for (const file of files) {
    const res = await lib.call(ingest.POST, { url: "/api/ingest", method: "POST", body: uploadForm(file) });
    ids.push(((await res.json()) as { assetId: string }).assetId);
  }
  await lib.drain();
  const { createShareLink } = await import("@/lib/share-links/create-share-link");
  linkUrl = (await createShareLink(lib.db, { assetIds: ids })).url;
  const { createShareServer } = await import("@/lib/share-links/share-server");
  const { getServerDeps } = await import("@/lib/server/deps");
  server = createShareServer({ deps: getServerDeps, requestIdleMs: 30_000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  server?.closeAllConnections();
  await lib?.cleanup();
});

describe("guest page", () => {
  for (const size of [{ name: "phone", width: 390, height: 844, mobile: true }, { name: "desktop", width: 1280, height: 800, mobile: false }]) {
    it(`works at ${size.name} size with no page errors and nothing from another origin`, async () => {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, isMobile: size.mobile, hasTouch: size.mobile });
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      page.on("request", (r) => !r.url().startsWith(origin) && !r.url().startsWith("data:") && foreign.push(r.url()));
      await page.goto(origin + linkUrl);
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>(".tile img")].every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 20_000 });
      const tiles = await page.locator(".tile").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: Math.round(r.height), width: r.width })));
      expect(tiles).toHaveLength(4);
      // Justified: tiles of one row share top and height; widths follow the aspect ratios.
      const firstRow = tiles.filter((t) => t.top === tiles[0]!.top);
      expect(new Set(firstRow.map((t) => t.height)).size).toBe(1);
      expect(Math.max(...tiles.map((t) => t.width))).toBeGreaterThan(Math.min(...tiles.map((t) => t.width)) * 2);

      await page.locator(".tile").first().click();
      await expect.poll(() => page.locator("#box.open #stage img").count()).toBe(1);
      const first = await page.locator("#stage img").getAttribute("src");
      // Swipe left (pointer drag) goes to the next photo; the arrow keys too; the video plays.
      const box = page.locator("#box");
      const bounds = (await box.boundingBox())!;
      await page.mouse.move(bounds.x + bounds.width * 0.8, bounds.y + bounds.height / 2);
      await page.mouse.down();
      await page.mouse.move(bounds.x + bounds.width * 0.2, bounds.y + bounds.height / 2, { steps: 4 });
      await page.mouse.up();
      await expect.poll(() => page.locator("#stage img").getAttribute("src")).not.toBe(first);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.locator("#stage video").evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("#box.open").count()).toBe(0);

      const href = await page.getByRole("link", { name: /Download all \(4\)/ }).getAttribute("href");
      const zip = await page.request.get(origin + href!);
      expect(zip.status()).toBe(200);
      expect(zip.headers()["content-type"]).toBe("application/zip");
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
