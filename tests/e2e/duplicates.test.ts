// The Duplicates screen in real headless Chromium against the running app (server + worker): a real
// photo with a resized and a WebP copy and another shot of the same church, at phone (360×780) and
// desktop (1440×900) size; the best copy preselected, resolve with Undo from the toast, and "not
// duplicates" remembered. Screenshots under test-results/screenshots; axe with no serious violations.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, spawnApp, type AppProcess } from "../support/app-process";
import { launchChromium, waitFor } from "../support/gallery-app";
import { multipart, request } from "../support/http-client";
import { sharedPath } from "../support/shared";

const SHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");
let app: AppProcess;
let browser: Browser;
let dataDir: string;

async function ingest(name: string, data: Buffer): Promise<void> {
  const { body, contentType } = multipart(name, data);
  const res = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(import.meta.dirname, "../../test-results/albums-dupes-"));
  [app, browser] = await Promise.all([
    spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0" }),
    launchChromium(),
  ]);
  const church = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0027.jpg"));
  await ingest("church.jpg", church);
  await ingest("church-small.jpg", await sharp(church).resize(320).jpeg({ quality: 80 }).toBuffer());
  await ingest("church.webp", await sharp(church).webp({ quality: 70 }).toBuffer());
  await ingest("church-other-shot.jpg", fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0040.jpg")));
  await waitFor("thumbnails", async () => (await getJson(app.port, "/api/admin/jobs")).body.kinds.every((k: { pending: number; running: number }) => k.pending + k.running === 0), 120_000);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(size: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile, baseURL: `http://127.0.0.1:${app.port}` });
  const page = await context.newPage();
  await page.goto("/duplicates");
  await page.getByRole("heading", { name: "Group 1 · 3 copies" }).waitFor();
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  return page;
}

async function axe(page: Page): Promise<void> {
  const bad = (await new AxeBuilder({ page: page as never }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

describe("Duplicates screen", () => {
  it("desktop 1440×900: the copies side by side, the original preselected; trash the rest, then Undo", async () => {
    const page = await open({ width: 1440, height: 900 }, false);
    const group = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Group 1 · 3 copies" }) });
    await expect.poll(() => group.getByRole("radio", { checked: true }).evaluate((r) => r.closest("label")!.textContent)).toContain("church.jpg");
    expect(await group.textContent()).toContain("640 × 480");
    expect(await group.textContent()).not.toContain("church-other-shot.jpg");
    await axe(page);
    await page.screenshot({ path: path.join(SHOTS, "desktop-duplicates.png") });

    await group.getByRole("button", { name: "Keep selected, trash 2 others" }).click();
    await page.getByRole("status").getByText("Moved 2 copies to the trash.").waitFor();
    await page.getByText("No duplicates").waitFor();
    expect((await getJson(app.port, "/api/assets?view=trash")).body.items).toHaveLength(2);
    await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
    await page.getByRole("heading", { name: "Group 1 · 3 copies" }).waitFor();
    expect((await getJson(app.port, "/api/assets?view=trash")).body.items).toHaveLength(0);
    await page.context().close();
  });

  it("phone 360×780: reachable from the menu, fits the width, and 'Not duplicates' is remembered", async () => {
    const page = await open({ width: 360, height: 780 }, true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await axe(page);
    await page.screenshot({ path: path.join(SHOTS, "phone-duplicates.png") });
    await page.getByRole("button", { name: "Menu" }).click();
    expect(await page.locator("#nav-sheet").getByRole("link", { name: "Duplicates" }).getAttribute("href")).toBe("/duplicates");
    await page.getByRole("button", { name: "Menu" }).click();

    await page.getByRole("button", { name: "Not duplicates" }).click();
    await page.getByText("No duplicates").waitFor();
    await page.reload();
    await page.getByText("No duplicates").waitFor();
    await page.context().close();
  });
});
