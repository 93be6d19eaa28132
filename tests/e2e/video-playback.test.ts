// Video that plays everywhere, in real headless Chromium against the running app (server +
// worker): an HEVC 10-bit MP4, an HDR10 clip, a rotated phone MOV, an MPEG-2 AVI and a plain
// H.264 MP4 all play in the lightbox (readyState ≥ HAVE_FUTURE_DATA, currentTime advances); every
// media request Chromium makes is a Range request answered 206, and a seek to 80 % plays from
// there. The first four play their rendition, the H.264 one its original (no rendition made).
// Debian's Chromium decodes H.264/AAC but no HEVC, which is why the renditions exist. (Chromium
// opens a new connection for a seek only when the target lies megabytes past its download; with
// clips this small it reads on along the first one, so no "bytes=N-" after the seek is asserted.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, spawnApp, type AppProcess } from "../support/app-process";
import { launchChromium, waitFor } from "../support/gallery-app";
import { multipart, request } from "../support/http-client";
import { makeVideoClips, type ClipName } from "../support/video-clips";

let app: AppProcess;
let browser: Browser;
let dataDir: string;
const clipDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-e2e-clips-"));
const ids = new Map<ClipName, string>();

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-video-"));
  const clips = makeVideoClips(clipDir, 2, "320x180");
  [app, browser] = await Promise.all([
    spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_BACKUP_DIR: path.join(dataDir, "backups"), ALBUMS_OWNER: "", ALBUMS_API_TOKEN: "", ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_SCRUB_MB_PER_MINUTE: "0" }),
    launchChromium(),
  ]);
  for (const [name, file] of Object.entries(clips) as [ClipName, string][]) {
    const { body, contentType } = multipart(name, fs.readFileSync(file));
    const res = await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
    if (res.status !== 201) throw new Error(`ingest ${name}: ${res.status} ${res.body.toString()}`);
    ids.set(name, res.json().assetId as string);
  }
  await waitFor("video jobs to finish", async () => {
    const { body } = await getJson(app.port, "/api/admin/jobs");
    return body.kinds.every((k: { pending: number; running: number }) => k.pending + k.running === 0);
  }, 240_000);
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(clipDir, { recursive: true, force: true });
});

type VideoState = { readyState: number; currentTime: number; duration: number; src: string; error: number | null };
const videoState = (page: Page) =>
  page.getByTestId("lightbox-video").evaluate((v: HTMLVideoElement) => ({ readyState: v.readyState, currentTime: v.currentTime, duration: v.duration, src: v.currentSrc, error: v.error?.code ?? null }) satisfies VideoState);

/** Waits until the lightbox video satisfies `done`, with its state in the failure message. */
async function until(page: Page, what: string, done: (s: VideoState) => boolean): Promise<VideoState> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await videoState(page);
    if (done(state)) return state;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(state)}`);
    await page.waitForTimeout(100);
  }
}

describe("videos play in the lightbox", () => {
  it.each<[ClipName, "rendition" | "original"]>([
    ["hevc10.mp4", "rendition"],
    ["hdr10.mp4", "rendition"],
    ["rotated.mov", "rendition"],
    ["mpeg2.avi", "rendition"],
    ["h264.mp4", "original"],
  ])("%s plays (its %s) over Range requests and from 80 % after a seek", async (name, plays) => {
    const id = ids.get(name)!;
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${app.port}`, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      const media: string[] = [];
      page.on("response", (r) => {
        if (r.url().includes(`/api/assets/${id}/`) && r.request().resourceType() === "media") media.push(`${r.request().headers().range ?? "no range"} → ${r.status()} ${r.headers()["content-range"] ?? ""}`);
      });
      await page.goto("/");
      await page.locator(`[data-asset-id="${id}"]`).first().click();
      await page.getByTestId("lightbox-video").waitFor();
      await page.getByTestId("lightbox-video").evaluate((v: HTMLVideoElement) => {
        v.muted = true;
        void v.play();
      });
      const playing = await until(page, "plays", (s) => s.readyState >= 3 && s.currentTime > 0.2);
      expect(playing.src).toContain(plays === "rendition" ? `/api/assets/${id}/video?variant=rendition` : `/api/assets/${id}/original`);
      const target = playing.duration * 0.8;
      await page.getByTestId("lightbox-video").evaluate((v: HTMLVideoElement, t: number) => {
        v.currentTime = t;
      }, target);
      const after = await until(page, "plays after the seek", (s) => s.readyState >= 3 && s.currentTime > target + 0.1);
      expect(after.error).toBeNull();
      expect(media.length).toBeGreaterThan(0);
      for (const exchange of media) expect(exchange).toMatch(/^bytes=\d+-\d* → 206 bytes \d+-\d+\/\d+$/);
    } finally {
      await context.close();
    }
  });

  it("made no rendition for the plain H.264 MP4", async () => {
    const { body } = await getJson(app.port, `/api/assets/${ids.get("h264.mp4")}`);
    expect(body.playback).toHaveLength(1);
    expect((await getJson(app.port, `/api/assets/${ids.get("h264.mp4")}/video?variant=rendition`)).status).toBe(404);
  });
});
