// `npm run bench:takeout [-- <total GiB, default 2>]`: writes a multi-part Takeout of that size
// (4 zip parts of 4 MiB photos with sidecars), imports it into a fresh library (pass 1 + pass 2,
// ML excluded: the worker does not run), and in the same run times a bare stream-unzip + SHA-256
// of the same archives. Prints MB/s for both and the ratio.
import "@/lib/server/install-egress-guard";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/config";
import { openDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { importTakeout } from "@/lib/takeout/import-takeout";
import { openPart } from "@/lib/takeout/read-archive";
import { sidecar } from "@/tests/support/takeout-builder";
import { writeZip } from "@/tests/support/zip-writer";

const totalGiB = Number(process.argv[2] ?? 2);
const PARTS = 4;
const FILE = 4 * 1024 * 1024;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-takeout-"));
const filesPerPart = Math.max(1, Math.round((totalGiB * 1024 ** 3) / PARTS / FILE));

const parts: string[] = [];
for (let p = 0; p < PARTS; p += 1) {
  const items = [];
  for (let i = 0; i < filesPerPart; i += 1) {
    const name = `IMG_${p}_${String(i).padStart(5, "0")}.jpg`;
    const data = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(FILE - 4)]);
    items.push({ name: `Takeout/Google Photos/Photos from 2024/${name}`, data });
    items.push({ name: `Takeout/Google Photos/Photos from 2024/${name}.json`, data: sidecar({ title: name, takenAt: "2024-05-01T10:00:00Z" }), deflate: true });
  }
  const file = path.join(work, `takeout-bench-${p + 1}.zip`);
  fs.writeFileSync(file, writeZip(items));
  parts.push(file);
}
const bytes = parts.reduce((sum, f) => sum + fs.statSync(f).size, 0);
console.log(`archives: ${PARTS} zip parts, ${PARTS * filesPerPart} photos of 4 MiB + sidecars, ${(bytes / 1e9).toFixed(2)} GB; ${os.cpus().length} cores`);

async function bare(): Promise<number> {
  const started = performance.now();
  for (const file of parts) {
    await (await openPart(file)).walk(async (_entry, open) => {
      const hash = createHash("sha256");
      for await (const chunk of await open()) hash.update(chunk);
      hash.digest();
    });
  }
  return (performance.now() - started) / 1000;
}

async function albums(): Promise<number> {
  const dataDir = path.join(work, "library");
  const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
  const paths = await prepareLibrary(config, createLogger("bench", "warn"));
  const db = await openDb(config.databasePath);
  const started = performance.now();
  const { report } = await importTakeout({ db, paths, config }, parts);
  const seconds = (performance.now() - started) / 1000;
  await db.$disconnect();
  if (report.totals.imported !== PARTS * filesPerPart) throw new Error(`imported ${report.totals.imported}, expected ${PARTS * filesPerPart}`);
  return seconds;
}

try {
  const before = await bare();
  const run = await albums();
  const after = await bare();
  const baseline = (before + after) / 2;
  const rate = (seconds: number) => (bytes / 1e6 / seconds).toFixed(1);
  console.log(`baseline  stream-unzip + SHA-256                              : ${rate(baseline)} MB/s (${baseline.toFixed(1)} s; runs ${before.toFixed(1)} s / ${after.toFixed(1)} s)`);
  console.log(`albums    catalogue + import (hash, fsync, rename, rows, report): ${rate(run)} MB/s (${run.toFixed(1)} s)`);
  console.log(`ratio     albums / baseline                                    : ${(baseline / run).toFixed(2)} (target ≥ 0.80)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
