// Issue 13, finding 1, with the real server: a 2.6 MB PNG whose XMP nests 200,000 elements (parsed
// in the request it held /api/health 83 s) and one with a million keywords are uploaded while
// /api/health is polled. Health keeps answering, both files are stored, and an ordinary photo's
// EXIF is still read (the metadata threads work inside the built server).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { getJson, spawnApp, uploadSlowly, type AppProcess } from "../support/app-process";
import { keywordXmp, nestedXmp, pngWithXmp } from "../support/png";
import { sharedPath } from "../support/shared";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-xmp-e2e-"));
const env = { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "" };
let app: AppProcess;
beforeAll(async () => {
  await prepareLibrary(parseConfig(env), createLogger("test", "error"));
  app = await spawnApp("serve", env);
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Polls /api/health every 100 ms while `work` runs; returns its result and the slowest answer. */
async function whilePollingHealth<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number }> {
  let slowestMs = 0;
  let running = true;
  const poller = (async () => {
    while (running) {
      const started = Date.now();
      await getJson(app.port, "/api/health"); // 503 here: no worker runs beside this server
      slowestMs = Math.max(slowestMs, Date.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    return { result: await work(), slowestMs };
  } finally {
    running = false;
    await poller;
  }
}

describe("hostile photo metadata", () => {
  it("keeps the server answering while it stores photos whose XMP is a bomb", async () => {
    for (const [name, xmp] of [["nested.png", nestedXmp(200_000)], ["keywords.png", keywordXmp(1_000_000)]] as const) {
      const png = pngWithXmp(xmp);
      const { result, slowestMs } = await whilePollingHealth(() => uploadSlowly(app.port, name, png, { pauseMs: 0 }));
      expect(result, name).toMatchObject({ status: 201 });
      expect(slowestMs, name).toBeLessThan(2_000);
      const asset = await getJson(app.port, `/api/assets/${(result as { body: { assetId: string } }).body.assetId}`);
      expect(asset.status).toBe(200);
      expect(asset.body).toMatchObject({ width: 8, height: 8, capture: { source: "upload" } });
    }
  }, 120_000);

  it("still reads an ordinary photo's EXIF", async () => {
    const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0010.jpg"));
    const reply = (await uploadSlowly(app.port, "DSCN0010.jpg", photo, { pauseMs: 0 })) as { status: number; body: { assetId: string } };
    expect(reply.status).toBe(201);
    const asset = await getJson(app.port, `/api/assets/${reply.body.assetId}`);
    expect(asset.body.capture.source).toMatch(/^exif/);
    expect(asset.body.camera.make).toBe("NIKON");
    expect(asset.body.location.latitude).toBeCloseTo(43.467, 2);
  });
});
