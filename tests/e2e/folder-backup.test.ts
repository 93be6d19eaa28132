// Issue 14 in real headless Chromium: the upload screen's folder backup with the directory picker
// answered by an Origin Private File System folder (the same FileSystemDirectoryHandle interface
// as a phone's DCIM) holding real photos and a real video. Service workers are blocked, so the
// page's own scans and drains are the ones observed (the worker runs the same modules).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordBackedUp, recordVerified } from "@/lib/backup/backup-coverage";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { spawnApp, type AppProcess } from "../support/app-process";
import { multipart, request } from "../support/http-client";
import { makeVideo } from "../support/media";
import { auditOutcomes, launchProfile, openControlled, sha256, waitForState } from "../support/pwa-browser";
import { startServeProxy, type ServeProxy } from "../support/serve-proxy";
import { sharedPath } from "../support/shared";

const OWNER = "me@example.com";
const REPOSITORY = "rest:http://backup.example:8000/albums";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-folders-"));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "albums-folders-profile-"));
fs.writeFileSync(path.join(scratch, "restic-password"), "x", { mode: 0o600 });
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: OWNER, ALBUMS_BACKUP_REPOSITORY: REPOSITORY, ALBUMS_BACKUP_PASSWORD_FILE: path.join(scratch, "restic-password") };
const config = parseConfig(env);
let app: AppProcess;
let proxy: ServeProxy;
let context: BrowserContext;
let page: Page;

const photo = (name: string) => fs.readFileSync(sharedPath("fixtures", "photos", "jpg", name));
const files = {
  a: { name: "IMG_0001.jpg", bytes: photo("Canon_40D.jpg") },
  b: { name: "IMG_0002.jpg", bytes: photo("Nikon_D70.jpg") },
  c: { name: "IMG_0003.jpg", bytes: photo("Kodak_CX7530.jpg") },
  video: { name: "VID_0001.mp4", bytes: makeVideo("mp4", { seconds: 1 }) },
  later: { name: "IMG_0004.jpg", bytes: photo("Canon_DIGITAL_IXUS_400.jpg") },
  picked: { name: "IMG_0007.jpg", bytes: photo("Nikon_COOLPIX_P1.jpg") },
  whileClosed: { name: "IMG_0008.jpg", bytes: photo("Canon_PowerShot_S40.jpg") },
  onBox: { name: "IMG_0005.jpg", bytes: photo("Fujifilm_FinePix_E500.jpg") },
  afterRevoke: { name: "IMG_0006.jpg", bytes: photo("Konica_Minolta_DiMAGE_Z3.jpg") },
};
const outcomes = (bytes: Buffer) => auditOutcomes(config.databasePath, sha256(bytes));

/** Writes a file into the picked folder (DCIM/Camera in the page's Origin Private File System). */
async function putFile(name: string, bytes: Buffer, on: Page = page): Promise<void> {
  await on.evaluate(async ([n, b64]) => {
    const camera = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("DCIM", { create: true })).getDirectoryHandle("Camera", { create: true });
    const writable = await (await camera.getFileHandle(n!, { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0)));
    await writable.close();
  }, [name, bytes.toString("base64")]);
}

async function folderNames(): Promise<string[]> {
  return page.evaluate(async () => {
    const camera = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("DCIM")).getDirectoryHandle("Camera");
    const names: string[] = [];
    for await (const name of (camera as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}

/** Reopens the upload screen and waits for the scan that opening starts to finish. */
async function reopen(): Promise<void> {
  const before = Date.now();
  await page.goto(`${proxy.origin}/upload`);
  await page.waitForFunction((t) => Number(document.querySelector("[data-testid=folder-counts]")?.getAttribute("data-last-scan")) >= t && !document.querySelector("[role=status]")?.textContent?.includes("Checking"), before, { timeout: 30_000 });
}

const counts = () => page.getByTestId("folder-counts").evaluate((e) => ({ seen: Number(e.dataset.seen), queued: Number(e.dataset.queued), done: Number(e.dataset.done), skipped: Number(e.dataset.skipped) }));
const queueNames = () => page.locator("[data-testid=queue-item]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")).sort());

beforeAll(async () => {
  await prepareLibrary(config, createLogger("test", "error"));
  app = await spawnApp("serve", env);
  proxy = await startServeProxy(app.port, OWNER);
  context = await launchProfile(path.join(scratch, "profile"), { serviceWorkers: "block" });
  // The picker answers with an OPFS folder; `?no-fsa` plays a browser without the API, and
  // sessionStorage "revoked" a handle whose permission lapsed until the owner taps "Allow".
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    if (location.search.includes("no-fsa")) {
      delete w.showDirectoryPicker;
      delete (Window.prototype as unknown as Record<string, unknown>).showDirectoryPicker;
      return;
    }
    w.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("DCIM", { create: true });
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    const query = proto.queryPermission as (this: FileSystemHandle, d: unknown) => Promise<PermissionState>;
    proto.queryPermission = function (this: FileSystemHandle, d: unknown) {
      return sessionStorage.getItem("revoked") ? Promise.resolve("prompt") : query.call(this, d);
    };
    proto.requestPermission = async () => {
      sessionStorage.removeItem("revoked");
      return "granted";
    };
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${proxy.origin}/upload`);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await proxy?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("folder backup", () => {
  it("queues every photo and video of the picked folder once on the first scan, and only new ones on the next open", async () => {
    for (const f of [files.a, files.b, files.c, files.video]) await putFile(f.name, f.bytes);
    await page.getByRole("button", { name: "Back up a folder" }).click();
    await waitForState(page, "done", 4);
    expect(await counts()).toEqual({ seen: 4, queued: 4, done: 4, skipped: 0 });
    for (const f of [files.a, files.b, files.c, files.video]) expect(outcomes(f.bytes), f.name).toEqual(["ingested"]);

    await putFile(files.later.name, files.later.bytes);
    await reopen();
    await waitForState(page, "done", 5);
    expect(await queueNames()).toEqual([files.a, files.b, files.c, files.later, files.video].map((f) => f.name).sort());
    expect(await counts()).toEqual({ seen: 5, queued: 5, done: 5, skipped: 0 });
    expect(outcomes(files.later.bytes)).toEqual(["ingested"]);
    expect(outcomes(files.a.bytes)).toEqual(["ingested"]);
  }, 90_000);

  it("does not upload a renamed file again, and skips a file the box already has without uploading it", async () => {
    await page.evaluate(async () => {
      const camera = await (await (await navigator.storage.getDirectory()).getDirectoryHandle("DCIM")).getDirectoryHandle("Camera");
      await (camera as unknown as { getFileHandle(n: string): Promise<{ move(n: string): Promise<void> }> }).getFileHandle("IMG_0002.jpg").then((h) => h.move("Renamed.jpg"));
    });
    const { body, contentType } = multipart(files.onBox.name, files.onBox.bytes);
    expect((await request(proxy.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType, "sec-fetch-site": "same-origin" }, body })).status).toBe(201);
    await putFile(files.onBox.name, files.onBox.bytes);
    await reopen();
    expect(await folderNames()).toContain("Renamed.jpg");
    expect(await counts()).toEqual({ seen: 6, queued: 5, done: 5, skipped: 1 });
    expect(await page.locator("[data-testid=queue-item]").count()).toBe(5);
    expect(outcomes(files.b.bytes)).toEqual(["ingested"]);
    expect(outcomes(files.onBox.bytes)).toEqual(["ingested"]); // the direct upload only
  }, 60_000);

  it("shows the one-tap prompt when the folder's permission lapsed, reads nothing until it is granted, then backs up", async () => {
    await putFile(files.afterRevoke.name, files.afterRevoke.bytes);
    await page.evaluate(() => sessionStorage.setItem("revoked", "1"));
    await page.goto(`${proxy.origin}/upload`);
    const prompt = page.getByRole("alert").filter({ hasText: "Until you allow it, new photos in this folder are not backed up." });
    await prompt.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("backup-folder").getAttribute("data-permission")).toBe("prompt");
    expect(outcomes(files.afterRevoke.bytes)).toEqual([]);
    await prompt.getByRole("button", { name: "Allow access to DCIM" }).click();
    await waitForState(page, "done", 6);
    expect(await prompt.count()).toBe(0);
    expect(outcomes(files.afterRevoke.bytes)).toEqual(["ingested"]);
  }, 60_000);

  it("frees up space: lists what the box holds (warning without a verified backup), then deletes only files a verified backup holds, refusing one whose bytes changed", async () => {
    await page.getByRole("button", { name: "Free up space" }).click();
    await expect.poll(() => page.getByTestId("freeable").getAttribute("data-mode")).toBe("box-only");
    expect(await page.getByRole("alert").filter({ hasText: "No verified backup off the box" }).count()).toBe(1);
    expect(await page.getByTestId("freeable-item").count()).toBe(7);

    const paths = libraryPaths(config.dataDir, config.databasePath);
    await recordBackedUp(paths, { kind: "restic", target: REPOSITORY, snapshot: "s1", takenAt: new Date(Date.now() - 60_000).toISOString(), hashes: [files.a.bytes, files.c.bytes, files.video.bytes].map(sha256) });
    await recordVerified(paths, "restic", new Date());
    await page.getByRole("button", { name: "Free up space" }).click();
    await expect.poll(() => page.getByTestId("freeable").getAttribute("data-mode")).toBe("verified-backup");
    const listed = await page.getByTestId("freeable-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-path")).sort());
    expect(listed).toEqual([files.a.name, files.c.name, files.video.name].map((n) => `Camera/${n}`).sort());

    await putFile(files.c.name, Buffer.concat([files.c.bytes, Buffer.from("edited")]));
    await page.getByRole("button", { name: "Delete 3 files from this phone" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete from phone" }).click();
    const result = page.getByTestId("free-result");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute("data-removed")).toBe("2");
    expect(await page.getByTestId("refused-item").evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-path")}: ${r.textContent}`))).toEqual([`Camera/${files.c.name}: Kept Camera/${files.c.name}: The file changed since the box received it.`]);
    expect(await folderNames()).toEqual([files.c.name, files.later.name, files.onBox.name, files.afterRevoke.name, "Renamed.jpg"].sort());
  }, 60_000);

  it("says so where the File System Access API is missing, keeps the picker, and puts Upload in the phone's bottom bar", async () => {
    await page.goto(`${proxy.origin}/upload?no-fsa=1`);
    await page.getByTestId("folder-backup-unsupported").waitFor();
    expect(await page.getByRole("button", { name: "Back up a folder" }).count()).toBe(0);
    expect(await page.getByTestId("file-picker").count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${proxy.origin}/`);
    const bar = page.getByRole("navigation", { name: "Shortcuts" });
    expect(await bar.getByRole("link").evaluateAll((links) => links.map((l) => l.textContent?.trim()))).toEqual(["Photos", "Search", "Upload", "Settings"]);
  }, 60_000);
});

describe("the service worker's wake-up", () => {
  it("scans the picked folder on a Periodic Background Sync event and uploads the new photo with no upload screen open", async () => {
    const installed = await launchProfile(path.join(scratch, "installed"));
    try {
      await installed.addInitScript(() => {
        (window as unknown as Record<string, unknown>).showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("DCIM", { create: true });
      });
      const shell = await openControlled(installed, `${proxy.origin}/upload`);
      await putFile(files.picked.name, files.picked.bytes, shell);
      await shell.getByRole("button", { name: "Back up a folder" }).click();
      await waitForState(shell, "done", 1);
      await shell.goto(`${proxy.origin}/`);
      await putFile(files.whileClosed.name, files.whileClosed.bytes, shell);

      const cdp = await installed.newCDPSession(shell);
      const registration = new Promise<string>((resolve) => {
        cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
          const ours = registrations.find((r) => r.scopeURL.startsWith(proxy.origin) && !r.isDeleted);
          if (ours) resolve(ours.registrationId);
        });
      });
      await cdp.send("ServiceWorker.enable");
      await cdp.send("ServiceWorker.dispatchPeriodicSyncEvent", { origin: proxy.origin, registrationId: await registration, tag: "albums-folder-scan" });
      await expect.poll(() => outcomes(files.whileClosed.bytes), { timeout: 30_000 }).toEqual(["ingested"]);
      expect(outcomes(files.picked.bytes)).toEqual(["ingested"]);
    } finally {
      await installed.close();
    }
  }, 90_000);
});
