// `npm run bench:timeline`: seeds a library with 10k photos (rows + real WebP thumbnails, hard-linked
// from a few variants), serves it, and measures the timeline in Debian's headless Chromium: first
// thumbnails on screen, long tasks during load and during a fast scroll, a scrubber jump, and
// whether thumbnails come from the HTTP cache on reload; then Lighthouse performance audits of the
// same page (simulated throttling, loopback only): mobile as a series of runs (BENCH_LIGHTHOUSE_RUNS,
// the median run in full), desktop once, and beside them the same mobile series for a bare Next.js
// page built from the same packages (the framework floor). Prints a JSON summary.
import "@/lib/server/install-egress-guard";
import { randomUUID, createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { parseConfig } from "@/lib/config";
import { openDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { derivedDir } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { spawnApp } from "@/tests/support/app-process";
import { launchChromium, VIEWPORTS } from "@/tests/support/gallery-app";
import { lighthouseRun, lighthouseSeries, startNextFloor } from "@/tests/support/lighthouse";

const COUNT = Number(process.env.BENCH_ASSETS ?? 10_000);
const VARIANTS = 24;
/** Mobile audits per page (the median run is reported in full). */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

async function variant(i: number) {
  const hue = (i * 360) / VARIANTS;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="hsl(${hue},60%,55%)"/><circle cx="${100 + i * 8}" cy="150" r="80" fill="hsl(${(hue + 180) % 360},70%,40%)"/></svg>`;
  const image = sharp(Buffer.from(svg));
  const sm = await image.clone().webp({ quality: 70 }).toBuffer();
  const md = await image.clone().resize(1440).webp({ quality: 75 }).toBuffer();
  const { data, info } = await image.clone().resize(100, 75).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { sm, md, thumbhash: Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString("base64") };
}

async function seed(dataDir: string): Promise<void> {
  const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
  const paths = await prepareLibrary(config, createLogger("bench", "warn"));
  const db = await openDb(config.databasePath);
  const variants = await Promise.all(Array.from({ length: VARIANTS }, (_, i) => variant(i)));
  const sources = variants.map((v, i) => {
    const dir = path.join(dataDir, "tmp", `v${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "sm.webp"), v.sm);
    fs.writeFileSync(path.join(dir, "md.webp"), v.md);
    return dir;
  });
  // The ETag the box gives a thumbnail: its bytes' hash (the thumbnail route checks the bytes it sends against it).
  const etagOf = (data: Buffer) => `"${createHash("sha256").update(data).digest("hex").slice(0, 32)}"`;
  const etags = variants.map((v) => ({ sm: etagOf(v.sm), md: etagOf(v.md) }));
  const start = Date.parse("2026-01-01T12:00:00Z");
  const assets = [];
  const derivatives = [];
  for (let i = 0; i < COUNT; i++) {
    const id = randomUUID();
    const sha256 = createHash("sha256").update(id).digest("hex");
    const v = i % VARIANTS;
    const dir = derivedDir(paths, sha256);
    fs.mkdirSync(dir, { recursive: true });
    for (const size of ["sm", "md"] as const) {
      fs.linkSync(path.join(sources[v]!, `${size}.webp`), path.join(dir, `thumb-${size}.webp`));
      derivatives.push({ assetId: id, kind: `thumb-${size}`, relPath: path.relative(paths.derived, path.join(dir, `thumb-${size}.webp`)), mime: "image/webp", width: size === "sm" ? 400 : 1440, height: size === "sm" ? 300 : 1080, bytes: variants[v]![size].length, etag: etags[v]![size] });
    }
    // One photo every ~4.4 hours, newest first: about five years, ~1800 days.
    assets.push({ id, sha256, kind: "photo", mimeType: "image/jpeg", ext: "jpg", size: BigInt(2_000_000), originalName: `IMG_${i}.jpg`, source: "upload", capturedAt: new Date(start - i * 16_000_000), capturedAtSource: "exif", width: 4000, height: 3000, thumbhash: variants[v]!.thumbhash, decodeState: "ok" });
  }
  await db.asset.createMany({ data: assets });
  for (let i = 0; i < derivatives.length; i += 5000) await db.derivative.createMany({ data: derivatives.slice(i, i + 5000) });
  await db.$disconnect();
}

/** The Photos page's audits (mobile as a series, desktop once), then the framework floor's mobile series. */
async function lighthouseFigures(origin: string) {
  const mobile = await lighthouseSeries(origin, "mobile", LIGHTHOUSE_RUNS, "lighthouse-mobile");
  const desktop = await lighthouseRun(origin, "desktop", "lighthouse-desktop");
  const floor = await startNextFloor();
  try {
    return { mobile, desktop, frameworkFloorMobile: await lighthouseSeries(floor.url, "mobile", LIGHTHOUSE_RUNS, "lighthouse-floor-mobile") };
  } finally {
    floor.stop();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-timeline-"));
const seeded = performance.now();
await seed(dataDir);
const seedSeconds = (performance.now() - seeded) / 1000;
const app = await spawnApp("serve", { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_LOG_LEVEL: "warn" });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ ...VIEWPORTS.desktop, baseURL: `http://127.0.0.1:${app.port}` });
  await context.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  // Every tile on screen shows its real thumbnail (justified rows hold fewer, larger tiles than a fixed count would assume).
  const screenLoaded = () =>
    page.evaluate(() => {
      const onScreen = [...document.querySelectorAll("[data-asset-id]")].filter((b) => {
        const r = b.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      const loaded = onScreen.filter((b) => {
        const img = b.parentElement?.querySelector<HTMLImageElement>('img[src*="/thumbnail?size=sm"]');
        return img && img.complete && img.naturalWidth > 0;
      });
      return onScreen.length >= 8 && loaded.length === onScreen.length;
    });
  const longTasks = () => page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
  const waitThumbs = async () => {
    while (!(await screenLoaded())) await page.waitForTimeout(20);
    return page.evaluate(() => performance.now());
  };
  // Warm the server (first request compiles nothing in production, but opens the DB).
  await page.request.get("/api/timeline/days");
  await page.goto("/");
  const firstThumbsMs = await waitThumbs();
  const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  const loadTasks = await longTasks();
  // Thumbnail requests issued (and cancelled) from the fast scroll until the jump's thumbnails show.
  const thumbRequests = { started: 0, failed: 0 };
  const isThumb = (r: { url(): string }) => r.url().includes("/thumbnail?size=sm");
  const onRequest = (r: { url(): string }) => isThumb(r) && (thumbRequests.started += 1);
  const onFailed = (r: { url(): string }) => isThumb(r) && (thumbRequests.failed += 1);
  page.on("request", onRequest);
  page.on("requestfailed", onFailed);

  const scroll = await page.evaluate(async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const before = (window as unknown as { longTasks: unknown[] }).longTasks.length;
    for (let i = 0; i < 120; i++) {
      window.scrollBy(0, 400);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    const tasks = (window as unknown as { longTasks: { duration: number }[] }).longTasks.slice(before);
    gaps.sort((a, b) => a - b);
    return { frames: gaps.length, medianFrameMs: gaps[Math.floor(gaps.length / 2)], p95FrameMs: gaps[Math.floor(gaps.length * 0.95)], maxFrameMs: gaps.at(-1), longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)) };
  });

  const scrubber = (await page.getByTestId("scrubber").boundingBox())!;
  const jumpStart = await page.evaluate(() => performance.now());
  await page.mouse.click(scrubber.x + scrubber.width / 2, scrubber.y + scrubber.height * 0.9);
  await page.waitForTimeout(50);
  const jumpMonth = await page.getByTestId("month-label").textContent();
  const jumpedAt = await waitThumbs();
  page.off("request", onRequest);
  page.off("requestfailed", onFailed);

  await page.evaluate(() => window.scrollTo(0, 0));
  await waitThumbs();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const thumbResponses: { cached: boolean }[] = [];
  cdp.on("Network.responseReceived", (e) => {
    if (e.response.url.includes("/thumbnail")) thumbResponses.push({ cached: Boolean(e.response.fromDiskCache) });
  });
  let servedFromCache = 0;
  cdp.on("Network.requestServedFromCache", () => (servedFromCache += 1));
  await page.reload();
  await waitThumbs();
  await page.waitForTimeout(300);
  await context.close();
  const origin = `http://127.0.0.1:${app.port}/`;
  const lighthouseSummary = process.env.BENCH_LIGHTHOUSE === "0" ? "skipped" : await lighthouseFigures(origin);
  const summary = {
    assets: COUNT,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    firstRender: { screenOfThumbnailsMs: Math.round(firstThumbsMs), longTasks: loadTasks.length, longTasksTotalMs: Math.round(loadTasks.reduce((s, t) => s + t.duration, 0)), domNodes },
    scroll: { ...scroll, pixels: 120 * 400 },
    scrubberJump: { month: jumpMonth, thumbnailsAfterMs: Math.round(jumpedAt - jumpStart), thumbnailRequestsSinceScroll: thumbRequests.started, cancelled: thumbRequests.failed },
    reload: { thumbnailResponses: thumbResponses.length, fromDiskCache: thumbResponses.filter((r) => r.cached).length, fromNetwork: thumbResponses.filter((r) => !r.cached).length, requestServedFromCacheEvents: servedFromCache },
    lighthouse: lighthouseSummary,
  };
  console.log(JSON.stringify(summary, null, 2));
  fs.mkdirSync("bench-out", { recursive: true });
  fs.writeFileSync("bench-out/timeline.json", JSON.stringify(summary, null, 2));
} finally {
  await browser.close();
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
