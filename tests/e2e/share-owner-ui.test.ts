// The owner's side in real Chromium against the real `npm start` (server, worker and the share
// listener process): share an album from its screen, open the link on the share port, see it
// listed in Settings, revoke it there; the app's own port does not serve /s/ routes. With a published
// address set in Settings the link shown (and copied) is the one guests open. A selection ZIP
// downloads through a GET address that answers Range; an album's ZIP (answered by serve.ts in
// front of Next.js) resumes with If-Range and refuses a caller without an identity.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnApp, type AppProcess } from "../support/app-process";
import { multipart, request } from "../support/http-client";
import { CHROMIUM_ARGS } from "../support/pwa-browser";

let app: AppProcess;
let browser: Browser;
let dataDir: string;
let sharePort: number;
let albumId: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-share-ui-"));
  sharePort = await freePort();
  app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_SHARE_PORT: String(sharePort), ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0" });
  const ids: string[] = [];
  for (const [i, color] of ["#c33", "#3c3"].entries()) {
    const { body, contentType } = multipart(`p${i}.jpg`, await sharp({ create: { width: 400, height: 300, channels: 3, background: color } }).jpeg().toBuffer());
    ids.push((await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body })).json().assetId);
  }
  const created = await request(app.port, { method: "POST", path: "/api/albums", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Summer", assetIds: ids }) });
  albumId = created.json().id;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("owner share UI", () => {
  it("creates a link from the album screen, lists and revokes it in Settings", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${app.port}` });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${app.port}/albums/${albumId}`);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await page.getByRole("button", { name: "Create link" }).click();
    const url = await page.getByTestId("share-url").inputValue();
    await page.getByRole("button", { name: "Close" }).click();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${sharePort}/s/[A-Za-z0-9_-]{43}$`));
    const guest = await browser.newPage();
    expect((await guest.goto(url))!.status()).toBe(200);
    await expect.poll(() => guest.locator(".tile").count()).toBe(2);
    // The app's own port knows nothing of /s/ routes.
    expect((await request(app.port, { path: new URL(url).pathname })).status).toBe(404);

    await page.goto(`http://127.0.0.1:${app.port}/admin`);
    const list = page.getByRole("list", { name: "Share links" });
    await expect.poll(() => list.textContent()).toContain("Summer · active");
    await list.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => list.textContent()).toContain("Summer · revoked");
    expect((await guest.goto(url))!.status()).toBe(410);

    // The published address (here: another name of this box) makes the link whole; Copy copies it.
    const published = `http://localhost:${sharePort}`;
    await page.getByLabel(/Published address/).fill(`${published}/`);
    await page.getByRole("button", { name: "Save address" }).click();
    await page.getByText(`New links start with ${published}.`).waitFor();
    await page.goto(`http://127.0.0.1:${app.port}/albums/${albumId}`);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    await page.getByRole("button", { name: "Create link" }).click();
    const whole = await page.getByTestId("share-url").inputValue();
    expect(whole).toMatch(new RegExp(`^http://localhost:${sharePort}/s/[A-Za-z0-9_-]{43}$`));
    await page.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(whole);
    await page.getByRole("button", { name: "Close" }).click();
    expect((await guest.goto(whole))!.status()).toBe(200);

    // The selection bar downloads two photos as one ZIP, through a GET address a browser can resume.
    await page.goto(`http://127.0.0.1:${app.port}/albums/${albumId}`);
    const tiles = page.locator("li:has([data-asset-id])");
    await tiles.nth(0).getByRole("button", { name: "Select" }).click({ force: true });
    await tiles.nth(1).getByRole("button", { name: "Select" }).click({ force: true });
    const download = page.waitForEvent("download");
    await page.getByRole("toolbar", { name: "Selected items" }).getByRole("button", { name: "ZIP" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("albums-2-photos.zip");
    const zipPath = new URL(saved.url()).pathname;
    expect(zipPath).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]{22}$/);
    const zip = fs.readFileSync((await saved.path())!);
    const tail = await request(app.port, { path: zipPath, headers: { range: `bytes=${zip.length - 100}-` } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(zip.subarray(zip.length - 100))).toBe(true);

    // The album's ZIP, written straight to the socket by scripts/serve.ts (no Next.js route answers
    // it any more), with serve.ts's checks and headers: resumed from its middle with If-Range.
    const zipUrl = `/api/albums/${albumId}/download.zip`;
    const album = await request(app.port, { path: zipUrl });
    expect(album.status).toBe(200);
    expect(Number(album.headers["content-length"])).toBe(album.body.length);
    expect(album.headers["accept-ranges"]).toBe("bytes");
    expect(album.headers["content-disposition"]).toContain('filename="Summer.zip"');
    expect(album.headers["content-security-policy"]).toContain("default-src");
    const half = Math.floor(album.body.length / 2);
    const rest = await request(app.port, { path: zipUrl, headers: { range: `bytes=${half}-`, "if-range": String(album.headers.etag) } });
    expect([rest.status, rest.headers["content-range"]]).toEqual([206, `bytes ${half}-${album.body.length - 1}/${album.body.length}`]);
    expect(Buffer.concat([album.body.subarray(0, half), rest.body]).equals(album.body)).toBe(true);
    // No identity (a request a proxy forwarded from elsewhere is not this machine): the API's 401.
    const refused = await request(app.port, { path: zipUrl, headers: { "x-forwarded-for": "203.0.113.7" } });
    expect([refused.status, refused.json().error.code]).toEqual([401, "unauthorized"]);
    const refusedPost = await request(app.port, { method: "POST", path: "/api/assets/download.zip", headers: { "x-forwarded-for": "203.0.113.7", "content-type": "application/json" }, body: "{}" });
    expect(refusedPost.status).toBe(401);
    expect((await request(app.port, { path: zipUrl, headers: { host: "evil.example" } })).status).toBe(421);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
