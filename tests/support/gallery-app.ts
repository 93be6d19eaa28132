// A running Albums (server + worker) on a temp library with the shared fixtures ingested and every
// job done: GPS photos, text photos, faces (with the face models), a few camera JPEGs, a video and
// a PDF. Used by the gallery end-to-end tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContextOptions } from "playwright-core";
import { getJson, spawnApp, type AppProcess } from "./app-process";
import { multipart, request } from "./http-client";
import { makePdf } from "./make-pdf";
import { makeVideo } from "./media";
import { sharedFiles, sharedPath } from "./shared";

export type GalleryApp = { app: AppProcess; base: string; ids: Map<string, string>; dataDir: string; stop: () => Promise<void> };

async function ingest(port: number, name: string, data: Buffer, fields: Record<string, string> = {}): Promise<string> {
  const { body, contentType } = multipart(name, data, fields);
  const res = await request(port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
  if (res.status >= 300) throw new Error(`ingest ${name}: ${res.status} ${res.body.toString()}`);
  return res.json().assetId as string;
}

/** Polls until `done` holds (or throws after `ms`). */
export async function waitFor(what: string, done: () => Promise<boolean>, ms = 300_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startGalleryApp(): Promise<GalleryApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-gallery-"));
  const app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_FACE_MODEL_DIR: sharedPath("models", "faces"), ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0", ALBUMS_WORKER_CONCURRENCY: "2" });
  const ids = new Map<string, string>();
  const files = [...sharedFiles("fixtures", "photos", "jpg", "gps"), ...sharedFiles("fixtures", "text"), ...sharedFiles("fixtures", "faces"), ...["Canon_40D.jpg", "Nikon_D70.jpg", "Pentax_K10D.jpg"].map((f) => sharedPath("fixtures", "photos", "jpg", f))];
  for (const file of files) ids.set(path.basename(file), await ingest(app.port, path.basename(file), fs.readFileSync(file)));
  ids.set("clip.mp4", await ingest(app.port, "clip.mp4", makeVideo("mp4", { seconds: 2, creationTime: "2021-06-05T10:00:00Z" })));
  ids.set("invoice.pdf", await ingest(app.port, "invoice.pdf", makePdf(["Invoice 2024-117 for the kitchen renovation", "Total due: 1200 EUR"]), { capturedAt: "2024-03-02T09:00:00Z" }));
  // CLIP and caption jobs wait for models that are not installed here; everything else must finish.
  await waitFor("jobs to finish", async () => {
    const { body } = await getJson(app.port, "/api/admin/jobs");
    return body.kinds.filter((k: any) => !["clip", "caption"].includes(k.kind)).every((k: any) => k.pending + k.running === 0);
  });
  await waitFor("the text index", async () => (await getJson(app.port, "/api/search?q=parking")).body.items?.length > 0);
  return {
    app, base: `http://127.0.0.1:${app.port}`, ids, dataDir,
    stop: async () => {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

/** A Pixel 7-sized phone (touch) and a desktop. */
export const VIEWPORTS: Record<"phone" | "desktop", BrowserContextOptions> = {
  phone: { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true, userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36" },
  desktop: { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
};
