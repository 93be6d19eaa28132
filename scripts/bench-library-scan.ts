// `npm run bench:library-scan [-- <count, default 10000>]`: an external library (docs/libraries.md)
// of <count> small real JPEGs (one fixture-sized picture, a different comment in each so every file
// hashes differently), in 100 folders, in a temp dir beside a temp data dir. Times, in the same run:
// a bare walk + stat + read + SHA-256 of the tree (the baseline, two files at a time as the scanner
// hashes), the first scan (stat, hash, type + metadata + XMP sidecar lookup, rows and jobs per
// file; the jobs — thumbnails, faces, CLIP — are only queued, not run: they would dominate and are
// benchmarked elsewhere) and a re-scan with nothing changed (stat only), twice (the second is the steady state). All without the pause
// between batches the worker adds (50 ms per 500 files, +1 s per 10k files).
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { jpegVariant } from "@/tests/support/jpeg-variants";
import { createTestLibrary } from "@/tests/support/test-library";

const count = Number(process.argv[2] ?? 10_000);
const tree = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-library-"));
const lib = await createTestLibrary({ ALBUMS_ENRICHMENT: "none", ALBUMS_LOG_LEVEL: "error" });
try {
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const dir = path.join(tree, `folder-${String(i % 100).padStart(3, "0")}`);
    if (i < 100) fs.mkdirSync(dir);
    const data = await jpegVariant(i, 64);
    bytes += data.length;
    fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(6, "0")}.jpg`), data);
  }
  const { hashFile } = await import("@/lib/server/storage");
  const { walkLibrary } = await import("@/lib/libraries/walk-library");
  const { addLibrary } = await import("@/lib/libraries/add-library");
  const { scanLibrary } = await import("@/lib/libraries/scan-library");
  console.log(`${count} JPEGs, ${(bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} cores, Node ${process.version}`);
  const rate = (ms: number) => `${((count * 1000) / ms).toFixed(0).padStart(7)} files/s  ${(ms / 1000).toFixed(2).padStart(7)} s`;

  const bare = async () => {
    const started = performance.now();
    const files: string[] = [];
    for await (const file of walkLibrary(tree, null, () => {})) files.push(file.relPath);
    let next = 0;
    await Promise.all([0, 1].map(async () => {
      while (next < files.length) {
        const file = path.join(tree, files[next++]!);
        fs.statSync(file);
        await hashFile(file);
      }
    }));
    return performance.now() - started;
  };
  await bare(); // warm the page cache, as the scan will find it
  const baseline = await bare();
  const { id } = await addLibrary(lib.db, lib.paths, { root: tree });
  let started = performance.now();
  const first = await scanLibrary(lib, id, { pauseMs: 0 });
  const firstMs = performance.now() - started;
  started = performance.now();
  const again = await scanLibrary(lib, id, { pauseMs: 0 });
  const againMs = performance.now() - started;
  started = performance.now();
  await scanLibrary(lib, id, { pauseMs: 0 }); // the steady state: the worker re-scans every 15 minutes
  const steadyMs = performance.now() - started;
  if (first.new !== count || again.seen !== count || again.new + again.changed !== 0) throw new Error(`unexpected scan results: ${JSON.stringify([first, again])}`);
  console.log(`bare walk + stat + read + SHA-256 (baseline)   ${rate(baseline)}`);
  console.log(`first scan (hash + describe + rows + jobs)     ${rate(firstMs)}   ${(firstMs / baseline).toFixed(1)}× the baseline`);
  console.log(`re-scan, nothing changed (stat only)           ${rate(againMs)}   ${((againMs / count) * 10_000 / 1000).toFixed(2)} s per 10k files`);
  console.log(`next re-scan, nothing changed                  ${rate(steadyMs)}   ${((steadyMs / count) * 10_000 / 1000).toFixed(2)} s per 10k files`);
} finally {
  await lib.cleanup();
  fs.rmSync(tree, { recursive: true, force: true });
}
