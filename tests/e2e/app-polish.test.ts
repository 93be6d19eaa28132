// The app for people, in real Chromium at 1440×900 and 360×780 against one running app that starts
// empty: the empty-library guide, drag and drop upload, the offline Places map (clusters, no
// off-box request, a tapped cluster opens its photos), the place filter on Enter and the phone's
// compact filters, a Takeout imported from the browser with its report, Settings at 360 px with
// "Back up now", and — the app stopped — the offline banner at once with the cached photos.
// Screenshots under test-results/screenshots/polish-*.png. Only the places enrichment runs (the
// rest is not what these screens show), to keep the file short.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, spawnApp, type AppProcess } from "../support/app-process";
import { launchChromium, waitFor } from "../support/gallery-app";
import { multipart, request } from "../support/http-client";
import { waitForState } from "../support/pwa-browser";
import { sharedFiles, sharedPath } from "../support/shared";
import { sidecar, writeParts } from "../support/takeout-builder";

const SHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const GPS = sharedFiles("fixtures", "photos", "jpg", "gps");

let app: AppProcess;
let browser: Browser;
let base: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-polish-"));
const offBox: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  [app, browser] = await Promise.all([
    spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_BACKUP_DIR: path.join(dataDir, "..", `${path.basename(dataDir)}-backups`), ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0", ALBUMS_ENRICHMENT: "places" }),
    launchChromium(),
  ]);
  base = `http://127.0.0.1:${app.port}`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const dir of [dataDir, `${dataDir}-backups`, `${dataDir}-takeout`]) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(size: BrowserContextOptions, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...size, baseURL: base });
  const page = await context.newPage();
  page.on("request", (r) => !/^(data|blob):/.test(r.url()) && !r.url().startsWith(base) && offBox.push(r.url()));
  await page.goto(url);
  return { context, page };
}

/** Elements that stick out past the right edge of the screen (what makes a page scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    if (document.documentElement.scrollWidth <= innerWidth) return [];
    const scrolls = (el: Element | null): boolean => !!el && (getComputedStyle(el).overflowX !== "visible" || scrolls(el.parentElement));
    return [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !scrolls(el.parentElement)).slice(0, 5).map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 60)}`);
  });
const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `polish-${name}.png`) });
const jobsIdle = async () => (await getJson(app.port, "/api/admin/jobs")).body.kinds.filter((k: { kind: string }) => !["clip", "caption"].includes(k.kind)).every((k: { pending: number; running: number }) => k.pending + k.running === 0);

describe("an empty library, then photos", () => {
  it("shows how to add photos, and uploads files dropped anywhere on the gallery", async () => {
    const { context, page } = await open(DESKTOP, "/");
    try {
      await page.getByTestId("empty-library").waitFor();
      for (const way of ["Upload from this device", "Import from Google Photos", "Back up your phone"]) await expect(page.getByRole("link", { name: new RegExp(way) }).isVisible()).resolves.toBe(true);
      await shoot(page, "desktop-empty-library");
      const data = fs.readFileSync(GPS[0]!).toString("base64");
      await page.evaluate(([b64, name]) => {
        const bytes = Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name!, { type: "image/jpeg" }));
        document.body.dispatchEvent(new DragEvent("dragenter", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        (window as unknown as { dropTransfer: DataTransfer }).dropTransfer = transfer;
      }, [data, path.basename(GPS[0]!)]);
      await page.getByTestId("drop-overlay").waitFor();
      await shoot(page, "desktop-drop-overlay");
      await page.evaluate(() => document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: (window as unknown as { dropTransfer: DataTransfer }).dropTransfer, bubbles: true, cancelable: true })));
      await page.waitForURL(/\/upload$/);
      await waitForState(page, "done", 1);
    } finally {
      await context.close();
    }
    for (const file of GPS.slice(1)) {
      const { body, contentType } = multipart(path.basename(file), fs.readFileSync(file));
      const res = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
      expect(res.status).toBeLessThan(300);
    }
    await waitFor("jobs to finish", jobsIdle, 120_000);
    expect((await getJson(app.port, "/api/places/points")).body.points).toHaveLength(GPS.length);
  }, 180_000);
});

describe("Places map", () => {
  for (const [size, options] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    it(`draws clusters with counts and opens a tapped cluster's photos (${size})`, async () => {
      const { context, page } = await open(options, "/places");
      try {
        await page.getByTestId("map-cluster").first().waitFor();
        const counts = await page.getByTestId("map-cluster").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(GPS.length);
        await expect.poll(() => page.getByTestId("area-count").textContent()).toContain(`${GPS.length} photos in view`);
        await page.getByText("Countries and towns").waitFor();
        await shoot(page, `${size}-places-map`);
        await page.getByRole("button", { name: "Zoom in" }).click();
        const zoomed = await page.getByTestId("map-cluster").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
        const count = Math.max(...zoomed);
        const biggest = page.locator(`[data-testid=map-cluster][data-count="${count}"]`).first();
        await biggest.click();
        await page.getByRole("heading", { name: "Photos here" }).waitFor();
        await expect.poll(() => page.locator("[data-asset-id]").count()).toBe(count);
        await shoot(page, `${size}-places-cluster`);
        expect(offBox).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});

describe("search filters", () => {
  it("applies the place filter on Enter (desktop)", async () => {
    const { context, page } = await open(DESKTOP, "/search?q=DSCN");
    try {
      await page.getByTestId("search-summary").waitFor();
      const place = page.getByLabel("Place");
      await place.fill("Arezzo");
      await place.press("Enter");
      await page.waitForURL(/place=Arezzo/);
      await page.getByTestId("search-summary").waitFor();
    } finally {
      await context.close();
    }
  });

  it("folds the filters into one chip on the phone", async () => {
    const { context, page } = await open(PHONE, "/search?q=DSCN");
    try {
      await page.getByTestId("search-summary").waitFor();
      await expect(page.getByLabel("Place").isVisible()).resolves.toBe(false);
      await page.getByRole("button", { name: /^Filters/ }).click();
      const sheet = page.getByRole("dialog", { name: "Filters" });
      await sheet.getByLabel("Place").fill("Arezzo");
      await sheet.getByLabel("Place").press("Enter");
      await page.waitForURL(/place=Arezzo/);
      await shoot(page, "phone-search-filters");
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("imports and settings", () => {
  it("imports a Takeout from the browser and links its report", async () => {
    const [part] = await writeParts(path.join(dataDir, "..", `${path.basename(dataDir)}-takeout`), {
      "takeout-001.zip": [
        { path: "Takeout/Google Photos/Trip/Canon_40D.jpg", data: fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Canon_40D.jpg")) },
        { path: "Takeout/Google Photos/Trip/Canon_40D.jpg.json", data: sidecar({ title: "Canon_40D.jpg", takenAt: "2015-06-01T10:00:00Z" }) },
      ],
    });
    const { context, page } = await open(DESKTOP, "/imports");
    try {
      await page.locator("input[name=parts]").setInputFiles(part!);
      await page.getByRole("button", { name: "Upload and import" }).click();
      await page.locator("[data-testid=import-runs] li[data-status=done]").waitFor({ timeout: 60_000 });
      await expect(page.locator("[data-testid=import-runs]").textContent()).resolves.toContain("1 imported");
      await shoot(page, "desktop-imports");
      await page.getByRole("link", { name: "Read the report" }).first().click();
      await page.getByText("Imported").first().waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);

  it("fits Settings on a 360 px phone, speaks plainly, and backs up now with progress", async () => {
    const { context, page } = await open(PHONE, "/admin");
    try {
      await page.getByRole("button", { name: "Back up now" }).waitFor();
      await page.getByTestId("storage").waitFor();
      expect(await overflowing(page)).toEqual([]);
      expect(await page.locator("main").innerText()).not.toMatch(/ALBUMS_[A-Z]/);
      await page.getByRole("button", { name: "Back up now" }).click();
      await page.locator("[data-testid=backup-now][data-status=done]").waitFor({ timeout: 60_000 });
      // Progress is by bytes where the backup counts them: the summary says how many were checked.
      await page.getByTestId("backup-now").getByText(/Backed up and checked [\d.]+ [KMG]?B of originals/).waitFor();
      await shoot(page, "phone-settings");
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("the box out of reach", () => {
  it("says so at once and still shows the photos this browser kept", async () => {
    const { context, page } = await open(DESKTOP, "/");
    try {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.reload();
      await expect.poll(() => page.locator('img[src*="/thumbnail?size=sm"]').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length), { timeout: 20_000 }).toBeGreaterThan(5);
      await expect(page.getByTestId("offline-banner").count()).resolves.toBe(0);
      await app.stop();
      const started = Date.now();
      await page.reload();
      await page.getByTestId("offline-banner").waitFor({ timeout: 8000 });
      const seconds = (Date.now() - started) / 1000;
      await expect.poll(() => page.locator('img[src*="/thumbnail?size=sm"]').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length), { timeout: 10_000 }).toBeGreaterThan(5);
      await shoot(page, "desktop-offline");
      expect(seconds).toBeLessThan(8);
      expect(offBox).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
