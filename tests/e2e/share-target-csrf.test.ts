// Issue 13, finding 6, in real headless Chromium: a page of another site posting a no-referrer form
// to /share went through the service worker and planted a photo. Now the worker queues only posts
// carrying its per-install key (in the manifest it serves the browser); a keyless cross-site post
// goes on to the box, which refuses it by its real Sec-Fetch-Site, and a guessed key is refused by
// the worker. A launch from the browser's own manifest still queues the files in the worker.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { spawnApp, type AppProcess } from "../support/app-process";
import { auditOutcomes, launchProfile, openControlled, sha256, waitForState } from "../support/pwa-browser";
import { startServeProxy, type ServeProxy } from "../support/serve-proxy";

const OWNER = "me@example.com";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-share-csrf-"));
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-share-csrf-profile-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: OWNER };
const databasePath = parseConfig(env).databasePath;
let app: AppProcess;
let proxy: ServeProxy;
let attacker: http.Server;
let attackerOrigin: string;

/** Another site (127.0.0.2 is a different site from 127.0.0.1): a no-referrer form posting files to `?action=`. */
function startAttacker(): Promise<void> {
  attacker = http.createServer((req, res) => {
    const action = new URL(req.url ?? "/", "http://x").searchParams.get("action") ?? "";
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><meta name="referrer" content="no-referrer"><form id="f" method="post" enctype="multipart/form-data" action="${action.replace(/"/g, "&quot;")}"><input id="files" type="file" name="files"></form>`);
  });
  return new Promise((resolve) => attacker.listen(0, "127.0.0.2", () => {
    attackerOrigin = `http://127.0.0.2:${(attacker.address() as AddressInfo).port}`;
    resolve();
  }));
}

async function photo(name: string) {
  const buffer = await sharp(randomBytes(32 * 24 * 3), { raw: { width: 32, height: 24, channels: 3 } }).jpeg().toBuffer();
  return { name, mimeType: "image/jpeg", buffer };
}

beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("test", "error"));
  app = await spawnApp("serve", env);
  proxy = await startServeProxy(app.port, OWNER);
  await startAttacker();
});

afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await proxy?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(profileDir, { recursive: true, force: true });
});

describe("share target and cross-site pages", () => {
  it("refuses a cross-site no-referrer post with or without a guessed key, and still takes a share-sheet launch", async () => {
    const context = await launchProfile(profileDir);
    try {
      const page = await openControlled(context, `${proxy.origin}/upload`);
      const evil = await context.newPage();
      const planted = [];
      for (const [tag, action] of [["nokey", `${proxy.origin}/share`], ["guess", `${proxy.origin}/share?key=${"0".repeat(48)}`]] as const) {
        const file = await photo(`${tag}.jpg`);
        planted.push(file);
        await evil.goto(`${attackerOrigin}/?action=${encodeURIComponent(action)}`);
        await evil.setInputFiles("#files", [file]);
        await Promise.all([evil.waitForURL(/\/upload\?/), evil.evaluate(() => (document.getElementById("f") as HTMLFormElement).submit())]);
        const landed = new URL(evil.url()).searchParams;
        expect(landed.has("shared"), tag).toBe(false);
        expect(landed.get("shareError"), tag).toMatch(tag === "nokey" ? /^Cross-site request refused/ : /^This share did not come from this device's share sheet/);
      }
      expect(proxy.seen.filter((line) => line.startsWith("POST /share"))).toEqual(["POST /share"]); // the keyless post went to the box

      // The browser's own manifest (as the share sheet uses it) names the action with this install's
      // key once a controlled page fetched it (the first page loaded before the worker existed).
      await page.reload();
      const cdp = await context.newCDPSession(page);
      const { data } = await cdp.send("Page.getAppManifest");
      const action = new URL((JSON.parse(data!) as { share_target: { action: string } }).share_target.action, proxy.origin);
      expect(action.pathname).toBe("/share");
      expect(action.searchParams.get("key")).toMatch(/^[0-9a-f]{48}$/);
      const shared = await photo("shared.jpg");
      await page.evaluate((href) => {
        const form = document.createElement("form");
        Object.assign(form, { method: "post", enctype: "multipart/form-data", action: href, id: "share-form" });
        form.innerHTML = '<input id="share-files" type="file" name="files">';
        document.body.append(form);
      }, action.href);
      await page.setInputFiles("#share-files", [shared]);
      await Promise.all([page.waitForURL(/\/upload\?/), page.evaluate(() => (document.getElementById("share-form") as HTMLFormElement).submit())]);
      expect(page.url()).toContain("shared=1");
      await waitForState(page, "done", 1);
      expect(auditOutcomes(databasePath, sha256(shared.buffer))).toEqual(["ingested"]);
      expect(proxy.seen.filter((line) => line.startsWith("POST /share"))).toEqual(["POST /share"]); // the worker answered the launch

      for (const file of planted) expect(auditOutcomes(databasePath, sha256(file.buffer)), file.name).toEqual([]);
      await page.reload();
      await waitForState(page, "done", 1);
      expect(await page.locator("[data-testid=queue-item]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-name")))).toEqual(["shared.jpg"]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
