// `npm run bench:rebuild [-- <photos>]`: builds a library of small generated PNGs (10k by default)
// with an album and favourites, moves its database away and times `rebuildLibrary` (originals
// re-listed + journal replayed), against a bare SHA-256 re-hash of the same originals in the same
// run; and the journal's cost on ingest (the same photos into a library with and without journaling).
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAlbum } from "@/lib/albums/create-album";
import { updateAssets } from "@/lib/assets/update-assets";
import { parseConfig } from "@/lib/config";
import { withoutJournal } from "@/lib/journal/append-journal";
import { rebuildLibrary } from "@/lib/journal/rebuild-library";
import { openDb } from "@/lib/server/db";
import { entriesAtDepth } from "@/lib/server/entries-at-depth";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { hashFile } from "@/lib/server/storage";
import { ingestBytes, photo } from "@/tests/support/library-state";

const PHOTOS = Number(process.argv[2] ?? 10_000);
const INGEST_SAMPLE = Math.min(PHOTOS, 2000) - (Math.min(PHOTOS, 2000) % 100);
const log = createLogger("bench", "warn");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-rebuild-"));

async function library(name: string) {
  const config = parseConfig({ ALBUMS_DATA_DIR: path.join(root, name), ALBUMS_ENRICHMENT: "none" });
  const paths = await prepareLibrary(config, log);
  return { config, paths, db: await openDb(paths.database) };
}

/** Ingests photos [from, to) one after another; returns the seconds it took and the ids. */
async function ingestRange(deps: Awaited<ReturnType<typeof library>>, from: number, to: number, journaled: boolean): Promise<{ seconds: number; ids: string[] }> {
  const ids: string[] = [];
  const started = performance.now();
  const go = async () => {
    for (let i = from; i < to; i += 1) ids.push((await ingestBytes(deps, await photo(i), `IMG_${i}.png`)).assetId);
  };
  await (journaled ? go() : withoutJournal(go));
  return { seconds: (performance.now() - started) / 1000, ids };
}

try {
  console.log(`generating and ingesting ${PHOTOS} photos…`);
  const plain = await library("without-journal");
  const lib = await library("with-journal");
  // The same photos into both libraries, alternating batches, so warm-up and load fall on both alike.
  let withoutSeconds = 0;
  let withSeconds = 0;
  const ids: string[] = [];
  for (let from = 0; from < INGEST_SAMPLE; from += 100) {
    withoutSeconds += (await ingestRange(plain, from, from + 100, false)).seconds;
    const batch = await ingestRange(lib, from, from + 100, true);
    withSeconds += batch.seconds;
    ids.push(...batch.ids);
  }
  await plain.db.$disconnect();
  const without = { rate: INGEST_SAMPLE / withoutSeconds };
  const withJournal = { rate: INGEST_SAMPLE / withSeconds };
  const rest = await ingestRange(lib, INGEST_SAMPLE, PHOTOS, true);
  ids.push(...rest.ids);
  await createAlbum(lib.db, { title: "Bench", assetIds: ids.slice(0, 500) });
  await updateAssets(lib.db, { ids: ids.filter((_, i) => i % 12 === 0), favorite: true });
  await lib.db.$disconnect();
  for (const f of fs.readdirSync(lib.paths.root).filter((f) => f.startsWith("albums.db"))) fs.renameSync(path.join(lib.paths.root, f), path.join(root, f));

  const files = await entriesAtDepth(lib.paths.originals, 3);
  let started = performance.now();
  const queue = [...files];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) await hashFile(file);
  }));
  const hashSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const result = await rebuildLibrary(lib.config);
  const rebuildSeconds = (performance.now() - started) / 1000;
  const check = await openDb(lib.paths.database);
  const listed = await check.asset.count();
  const favourites = await check.asset.count({ where: { favorite: true } });
  await check.$disconnect();
  if (listed !== PHOTOS || result.adopted !== PHOTOS) throw new Error(`rebuild listed ${listed} of ${PHOTOS}`);
  const journalBytes = fs.readdirSync(path.join(lib.paths.root, "journal")).reduce((sum, f) => sum + fs.statSync(path.join(lib.paths.root, "journal", f)).size, 0);
  console.log(`rebuild: ${PHOTOS} originals (${(files.reduce((s, f) => s + fs.statSync(f).size, 0) / 1e6).toFixed(1)} MB), ${result.replayed} journal entries (${(journalBytes / 1e6).toFixed(2)} MB), ${favourites} favourites back`);
  console.log(`  rebuild        ${rebuildSeconds.toFixed(1)} s  ${(PHOTOS / rebuildSeconds).toFixed(0)} photos/s`);
  console.log(`  bare re-hash   ${hashSeconds.toFixed(1)} s  ${(PHOTOS / hashSeconds).toFixed(0)} photos/s  (rebuild takes ${(rebuildSeconds / hashSeconds).toFixed(1)}× the re-hash)`);
  console.log(`ingest (${INGEST_SAMPLE} photos each, one at a time, in-process):`);
  console.log(`  without journal ${without.rate.toFixed(0)} photos/s`);
  console.log(`  with journal    ${withJournal.rate.toFixed(0)} photos/s  (ratio ${(withJournal.rate / without.rate).toFixed(2)})`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
