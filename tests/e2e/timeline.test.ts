// The Photos timeline in real headless Chromium (issue 15) against a small library of generated
// photos whose shapes and dates are chosen for it: justified rows (edges flush with the container,
// aspect ratios kept, short days packed on a wide screen), scrubber year labels that never overlap
// on a 360×780 phone with 40 years, "On this day" on the home screen, a touch long-press that
// selects without moving the grid (timeline and album), and an album's "Add photos" picker.
// Screenshots under test-results/screenshots/timeline-*.png.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ASPECT, MIN_ASPECT } from "@/components/timeline/timeline-layout";
import { getJson, spawnApp, type AppProcess } from "../support/app-process";
import { launchChromium, VIEWPORTS, waitFor } from "../support/gallery-app";
import { multipart, request } from "../support/http-client";

const SHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const PHONE: BrowserContextOptions = { ...VIEWPORTS.phone, viewport: { width: 360, height: 780 } };
const SHAPES = [[400, 300], [300, 400], [480, 270], [300, 300], [1000, 200], [150, 600]] as const;
const BIG_DAY = "2024-06-10";

let app: AppProcess;
let dataDir: string;
let browser: Browser;
/** id → [day, width/height] of every photo. */
const photos = new Map<string, [string, number]>();

async function ingest(n: number, at: string, [width, height]: readonly [number, number]): Promise<string> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: (n * 37) % 255, g: (n * 91) % 255, b: 160 } } }).jpeg({ quality: 60 }).toBuffer();
  const { body, contentType } = multipart(`p${n}.jpg`, data, { capturedAt: at });
  const res = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
  if (res.status >= 300) throw new Error(`ingest: ${res.status} ${res.body.toString()}`);
  const id = res.json().assetId as string;
  photos.set(id, [at.slice(0, 10), width / height]);
  return id;
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-timeline-"));
  [app, browser] = await Promise.all([spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0" }), launchChromium()]);
  // A day that takes several rows (panorama and tall screenshot included), short days to pack,
  // one photo a year for 40 years (a crowded scrubber), and one from this day two years ago.
  const today = new Date();
  const wanted: (readonly [string, readonly [number, number]])[] = [
    ...Array.from({ length: 12 }, (_, i) => [`${BIG_DAY}T${String(8 + i).padStart(2, "0")}:00:00Z`, SHAPES[i % SHAPES.length]!] as const),
    ...Array.from({ length: 8 }, (_, d) => [`2024-05-0${d + 1}T12:00:00Z`, SHAPES[d % 4]!] as const),
    ...Array.from({ length: 40 }, (_, y) => [`${1970 + y}-01-15T12:00:00Z`, SHAPES[y % 4]!] as const),
    [`${today.getUTCFullYear() - 2}-${today.toISOString().slice(5, 10)}T12:00:00Z`, SHAPES[0]],
  ];
  for (let i = 0; i < wanted.length; i += 4) await Promise.all(wanted.slice(i, i + 4).map(([at, shape], j) => ingest(i + j, at, shape)));
  await waitFor("thumbnails", async () => (await getJson(app.port, "/api/admin/jobs")).body.kinds.filter((k: any) => k.kind === "thumbnail").every((k: any) => k.pending + k.running === 0), 120_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

type Box = { id: string; x: number; y: number; width: number; height: number };

/** The boxes of the photo tiles on screen. */
function tileBoxes(page: Page): Promise<Box[]> {
  return page.locator("[data-asset-id]").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute("data-asset-id")!, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Rows are justified: flush with the container on the right (all but the last row of a day), photos at their (bounded) aspect ratio. */
async function expectJustified(page: Page): Promise<void> {
  await page.locator("[data-asset-id]").nth(10).waitFor();
  const container = (await page.getByTestId("timeline").boundingBox())!;
  const tiles = (await tileBoxes(page)).filter((t) => t.y + t.height > 0 && t.y < 2000);
  for (const t of tiles) {
    const aspect = Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, photos.get(t.id)![1]));
    expect(Math.abs(t.width / t.height - aspect), `aspect of ${t.id}`).toBeLessThan(0.04);
    expect(t.x + t.width).toBeLessThanOrEqual(container.x + container.width + 1);
  }
  const big = tiles.filter((t) => photos.get(t.id)![0] === BIG_DAY);
  const rows = [...new Set(big.map((t) => Math.round(t.y)))].sort((a, b) => a - b);
  expect(rows.length).toBeGreaterThan(1);
  for (const y of rows.slice(0, -1)) {
    const right = Math.max(...big.filter((t) => Math.round(t.y) === y).map((t) => t.x + t.width));
    expect(Math.abs(right - (container.x + container.width)), `row at ${y}`).toBeLessThanOrEqual(2);
  }
}

async function open(size: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ ...size, baseURL: `http://127.0.0.1:${app.port}` });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  return { context, page, problems };
}

/** A touch held still for 700 ms (Chromium's own touch input, as a finger would). */
async function longPress(context: BrowserContext, page: Page, box: Box): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await page.waitForTimeout(700);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const visibleSelectCircles = (page: Page) => page.getByRole("button", { name: "Select", exact: true }).evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== "none" && getComputedStyle(el).opacity !== "0").length);

describe("timeline, first paint", () => {
  it("the first HTML holds the first screen (day labels, versioned thumbnails) that shows without JavaScript; the timeline takes it over without a hydration error, a shift or asking for its photos again", async () => {
    // Without scripts: the server's HTML alone.
    const html = (await request(app.port, { method: "GET", path: "/" })).body.toString();
    const bigDay = [...photos].filter(([, [day]]) => day === BIG_DAY).map(([id]) => id);
    const tiles = bigDay.filter((id) => new RegExp(`<img [^>]*src="/api/assets/${id}/thumbnail\\?size=sm&amp;v=[^"]+"`).test(html));
    expect(tiles.length).toBe(bigDay.length);
    const noScript = await browser.newContext({ ...PHONE, javaScriptEnabled: false, baseURL: `http://127.0.0.1:${app.port}` });
    try {
      const page = await noScript.newPage();
      await page.goto("/");
      const first = page.getByTestId("first-screen");
      expect(await first.locator("h2").first().textContent()).toMatch(/\w/);
      await waitFor("first screen's thumbnails", () => first.locator("img").evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0 && i.getBoundingClientRect().top < innerHeight).length >= 6), 20_000);
      // A photo tapped before the scripts run opens through its link: the viewer's URL.
      const newest = await first.locator("a").first().getAttribute("href");
      await first.locator("a").first().click();
      await page.waitForURL((url) => url.searchParams.has("photo"));
      expect(newest).toMatch(/^\/\?photo=[\w-]+$/);
      expect(photos.has(new URL(page.url()).searchParams.get("photo")!)).toBe(true);
      expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe(newest);
    } finally {
      await noScript.close();
    }

    // With scripts: hydration finds the same HTML, and the rows replace it.
    const { context, page, problems } = await open(PHONE);
    try {
      const asked: string[] = [];
      page.on("request", (r) => r.url().includes("/api/assets?") && asked.push(r.url()));
      page.on("console", (m) => m.type() === "error" && /418|hydrat/i.test(m.text()) && problems.push(m.text()));
      await context.addInitScript(() => {
        const w = window as unknown as { shifted: number };
        w.shifted = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.shifted += (e as unknown as { value: number }).value))).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto("/");
      await expectJustified(page);
      expect(await page.getByTestId("first-screen").count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.05);
      // The newest months came with the page: complete ones are never asked for, the last one only from the page's cursor on.
      expect(asked.filter((url) => !new URL(url).searchParams.has("cursor") && new URL(url).searchParams.get("from")?.startsWith(BIG_DAY.slice(0, 7)))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("timeline, desktop 1440×900", () => {
  it("justified rows, short days share a row, On this day above the timeline", async () => {
    const { context, page, problems } = await open(VIEWPORTS.desktop);
    try {
      await page.goto("/");
      const card = page.getByTestId("memories-strip").getByRole("button", { name: /2 years ago/ });
      await card.waitFor();
      await expectJustified(page);
      // The eight one-photo days of May 2024 sit side by side under their own labels.
      const labels = await page.locator('[data-testid="timeline"] h2').evaluateAll((els) => els.map((el) => ({ text: el.textContent!, ...JSON.parse(JSON.stringify(el.getBoundingClientRect())) })));
      const may = labels.filter((l) => /May/.test(l.text));
      expect(may.length).toBe(8);
      expect(new Set(may.map((l) => Math.round(l.y))).size).toBeLessThan(4);
      for (const a of may) for (const b of may) if (a !== b && Math.round(a.y) === Math.round(b.y)) expect(a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, "timeline-desktop.png") });
      // The card (its cover came with the page) opens that year's photo in the viewer.
      const twoYearsAgo = `${new Date().getUTCFullYear() - 2}-${new Date().toISOString().slice(5, 10)}`;
      const memory = [...photos].find(([, [day]]) => day === twoYearsAgo)![0];
      await card.click();
      await page.getByTestId("lightbox").waitFor();
      expect(new URL(page.url()).searchParams.get("photo")).toBe(memory);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe("timeline, phone 360×780 touch", () => {
  it("justified rows, scrubber years apart, long-press selects without moving the grid", async () => {
    const { context, page, problems } = await open(PHONE);
    try {
      await page.goto("/");
      await page.getByTestId("memories-strip").waitFor();
      await expectJustified(page);
      const years = await page.getByTestId("scrubber-year").evaluateAll((els) => els.map((el) => ({ text: el.textContent!, y: el.getBoundingClientRect().y, height: el.getBoundingClientRect().height })));
      expect(years[0]!.text).toBe(String(new Date().getUTCFullYear() - 2));
      expect(years.at(-1)!.text).toBe("1970");
      expect(years.length).toBeGreaterThan(5);
      years.slice(1).forEach((y, i) => expect(y.y, `${y.text} under ${years[i]!.text}`).toBeGreaterThanOrEqual(years[i]!.y + years[i]!.height - 0.5));
      await page.screenshot({ path: path.join(SHOTS, "timeline-phone.png") });

      // No invisible circle to hit by mistake on a touch screen; long-press selects, nothing moves, nothing opens.
      expect(await visibleSelectCircles(page)).toBe(0);
      const before = await tileBoxes(page);
      await longPress(context, page, before[2]!);
      await page.getByText("1 selected").waitFor();
      expect(await page.getByTestId("lightbox").count()).toBe(0);
      expect(await tileBoxes(page)).toEqual(before);
      expect(await visibleSelectCircles(page)).toBeGreaterThan(0);
      expect(await page.evaluate(() => String(getSelection()))).toBe("");
      await page.screenshot({ path: path.join(SHOTS, "timeline-phone-selecting.png") });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("inside an album: long-press selects in place; Add photos picks more from the timeline", async () => {
    const { context, page, problems } = await open(PHONE);
    try {
      const bigDay = [...photos].filter(([, [day]]) => day === BIG_DAY).map(([id]) => id);
      const first = bigDay.slice(0, 3);
      const created = await request(app.port, { method: "POST", path: "/api/albums", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Trip", assetIds: first }) });
      const albumId = created.json().id as string;
      await page.goto(`/albums/${albumId}`);
      await page.getByText("3 items").waitFor();
      await page.locator("[data-asset-id]").nth(2).waitFor();
      const before = await tileBoxes(page);
      await longPress(context, page, before[1]!);
      await page.getByText("1 selected").waitFor();
      expect(await tileBoxes(page)).toEqual(before);
      expect(await page.getByTestId("lightbox").count()).toBe(0);
      await page.getByRole("button", { name: "Clear selection" }).tap();

      await page.getByRole("button", { name: "Add photos" }).tap();
      const picker = page.getByRole("toolbar", { name: "Add photos to Trip" });
      await picker.waitFor();
      const outside = bigDay.slice(3, 5);
      for (const id of outside) await page.locator(`[data-asset-id="${id}"]`).tap();
      await picker.getByText("2 selected").waitFor();
      expect(await page.getByTestId("lightbox").count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, "timeline-phone-add-photos.png") });
      await picker.getByRole("button", { name: "Add", exact: true }).tap();
      await page.getByText("Added 2 to “Trip”.").waitFor();
      await page.getByText("5 items").waitFor();
      for (const id of outside) await page.locator(`[data-asset-id="${id}"]`).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
