// `npm run bench:ingest`: ingests the shared fixture photos into a fresh library through the real
// server and worker (HTTP upload → hash → fsync → metadata → row → thumbnails), and in the same run
// times the bare decode + sm/md WebP generation of the same files. Prints photos/s and the ratio.
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openImage } from "@/lib/media/image-source";
import { renderThumbnails } from "@/lib/media/render-thumbnails";
import { detectType } from "@/lib/media/detect-type";
import { getJson, spawnApp, uploadSlowly } from "@/tests/support/app-process";
import { sharedFiles } from "@/tests/support/shared";

const UPLOAD_CONCURRENCY = 2;

async function photoSet(): Promise<string[]> {
  const candidates = [...sharedFiles("fixtures", "photos"), ...sharedFiles("fixtures", "scenes"), ...sharedFiles("fixtures", "labeled"), ...sharedFiles("fixtures", "faces")];
  const photos: string[] = [];
  for (const file of candidates) {
    const type = await detectType(file);
    if (type?.kind !== "photo") continue;
    try {
      await renderThumbnails(await openImage({ path: file, mime: type.mime, raw: type.raw }, 100e6));
      photos.push(file);
    } catch {
      // undecodable fixtures are not part of a throughput figure
    }
  }
  return photos;
}

async function baseline(files: string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    const type = (await detectType(file))!;
    await renderThumbnails(await openImage({ path: file, mime: type.mime, raw: type.raw }, 100e6));
  }
  return (performance.now() - started) / 1000;
}

async function albums(files: string[]): Promise<{ seconds: number; uploadSeconds: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-"));
  // Search enrichment (OCR, faces, CLIP…) is off: this measures the ingest path against bare thumbnails.
  const app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_LOG_LEVEL: "warn", ALBUMS_ENRICHMENT: "none" }, { waitFor: (h) => h.worker?.alive === true });
  try {
    const started = performance.now();
    const queue = [...files];
    await Promise.all(
      Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const reply = await uploadSlowly(app.port, path.basename(file), fs.readFileSync(file), { chunk: 1 << 20, pauseMs: 0 });
          if (!("status" in reply) || reply.status >= 300) throw new Error(`upload of ${file} failed: ${JSON.stringify(reply)}`);
        }
      }),
    );
    const uploadSeconds = (performance.now() - started) / 1000;
    for (;;) {
      const { body } = await getJson(app.port, "/api/health");
      if (body.jobs.pending === 0 && body.jobs.running === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { seconds: (performance.now() - started) / 1000, uploadSeconds };
  } finally {
    await app.stop("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const files = await photoSet();
const megabytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1e6;
console.log(`photos: ${files.length} real fixture photos (${megabytes.toFixed(1)} MB; JPEG, HEIC, TIFF, PNG), ${os.cpus().length} cores`);
const before = await baseline(files);
const run = await albums(files);
const after = await baseline(files);
const bare = (before + after) / 2;
const rate = (seconds: number) => (files.length / seconds).toFixed(1);
console.log(`baseline  bare sharp decode + sm/md WebP + placeholder : ${rate(bare)} photos/s (${bare.toFixed(2)} s, runs ${before.toFixed(2)} s / ${after.toFixed(2)} s)`);
console.log(`albums    HTTP upload → durable ingest → worker thumbs : ${rate(run.seconds)} photos/s (${run.seconds.toFixed(2)} s; uploads acknowledged after ${run.uploadSeconds.toFixed(2)} s)`);
console.log(`ratio     albums / baseline                            : ${(bare / run.seconds).toFixed(2)} (target ≥ 0.80)`);
