// `npm run bench:search [-- <sizes, default 10000,100000>]`: builds synthetic libraries (assets with
// file names, OCR text, captions and places from a 20,000-word Zipf vocabulary, plus random unit 512-d
// CLIP embeddings), then prints p50/p95 of hybrid queries through searchAssets (query embedding
// excluded: a fake worker answers the socket, its time is reported apart) beside two baselines
// measured in the same run — a bare dot-product scan and a bare lunr query over the same data —
// the text-index build, delta and merge times, and this process's RSS.
import "@/lib/server/install-egress-guard";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lunr from "lunr";
import { parseConfig } from "@/lib/config";
import { createDotProductSession } from "@/lib/ml/dot-product-session";
import { serveTextEmbeddings } from "@/lib/ml/serve-text-embeddings";
import { toBytes } from "@/lib/ml/vector-bytes";
import { searchAssets, searchQuery } from "@/lib/search/search-assets";
import { readManifest, readSegment } from "@/lib/search/text-index-files";
import { updateTextIndex } from "@/lib/search/update-text-index";
import { openDb, type Db } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";

const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number);
const DIM = 512;
const QUERIES = 200;
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${"aeiou"[i % 5]}${"rstln"[(i >> 3) % 5]}`);
// Zipf (p ∝ 1/rank) over content words: ranks below 100 are the stop words lunr drops anyway, so
// the commonest word is in ~4% of documents, as "beach" or "dog" might be in a real library.
const cumulative = vocabulary.map((_, i) => 1 / (i + 100)).map(((sum) => (p: number) => (sum += p))(0));
const word = () => {
  const target = random() * cumulative.at(-1)!;
  let lo = 0;
  for (let hi = cumulative.length - 1; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const words = (n: number) => Array.from({ length: n }, word).join(" ");
const cities = ["Arezzo", "Paris", "Lisbon", "Kyoto", "Oslo", "Denver", "Cusco", "Hobart"];

function unitVector(): Float32Array {
  const v = Float32Array.from({ length: DIM }, () => random() - 0.5);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

async function seedLibrary(db: Db, count: number): Promise<void> {
  const start = new Date("2010-01-01T00:00:00Z").getTime();
  for (let i = 0; i < count; i += 2000) {
    const batch = Array.from({ length: Math.min(2000, count - i) }, (_, j) => ({ id: randomUUID(), n: i + j }));
    await db.$transaction([
      db.asset.createMany({
        data: batch.map(({ id, n }) => ({
          id, sha256: id.replace(/-/g, "").padEnd(64, "0"), kind: "photo", mimeType: "image/jpeg", ext: "jpg", size: 1n,
          originalName: `IMG_${n}.jpg`, source: "bench", capturedAt: new Date(start + n * 3_600_000), capturedAtSource: "exif", decodeState: "ok",
        })),
      }),
      db.ocrText.createMany({ data: batch.map(({ id }) => ({ assetId: id, text: random() < 0.3 ? words(12) : "", lines: "[]" })) }),
      db.caption.createMany({ data: batch.map(({ id }) => ({ assetId: id, text: words(10), model: "bench" })) }),
      db.assetPlace.createMany({ data: batch.map(({ id, n }) => ({ assetId: id, city: cities[n % cities.length]!, country: "Somewhere", countryCode: "XX" })) }),
      db.embedding.createMany({ data: batch.map(({ id }) => ({ assetId: id, model: "bench-clip", vector: toBytes(unitVector()) })) }),
      db.searchChange.createMany({ data: batch.map(({ id }) => ({ assetId: id })) }),
    ]);
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = () => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

console.log(`bench:search on ${os.cpus().length} cores, node ${process.version}; ${QUERIES} queries per figure`);
for (const size of sizes) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-search-"));
  const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
  const paths = await prepareLibrary(config, createLogger("bench", "warn"));
  const db = await openDb(config.databasePath);
  const [, seedMs] = await timed(() => seedLibrary(db, size));
  const [build, buildMs] = await timed(() => updateTextIndex(db, paths.textIndex));
  // A day of new photos as a delta segment, then a forced merge of deltas.
  const fresh = (await db.asset.findMany({ take: 500, select: { id: true } })).map((a) => ({ assetId: a.id }));
  await db.searchChange.createMany({ data: fresh });
  const [, deltaMs] = await timed(() => updateTextIndex(db, paths.textIndex));
  await db.searchChange.createMany({ data: fresh });
  const [merge, mergeMs] = await timed(() => updateTextIndex(db, paths.textIndex, { maxDeltas: 1, rebuildRatio: 0.25, batch: 2000 }));
  const indexBytes = fs.readdirSync(paths.textIndex).reduce((sum, f) => sum + fs.statSync(path.join(paths.textIndex, f)).size, 0);

  const embedMs: number[] = [];
  const server = await serveTextEmbeddings(paths.mlSocket, async () => ({ model: "bench-clip", vector: unitVector() }));
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 4 === 0 ? `${word()} ${cities[i % cities.length]} 2011` : i % 4 === 1 ? word() : `${word()} ${word()}`));
  const deps = { db, paths };
  const [, firstMs] = await timed(() => searchAssets(deps, searchQuery.parse({ q: queries[0] }))); // loads index + vectors
  const hybrid: number[] = [];
  const parts = { bm25: [] as number[], clip: [] as number[] };
  for (const q of queries) {
    const reply = await searchAssets(deps, searchQuery.parse({ q, limit: "50" }));
    hybrid.push(reply.tookMs.total - reply.tookMs.embed);
    embedMs.push(reply.tookMs.embed);
    parts.bm25.push(reply.tookMs.bm25);
    parts.clip.push(reply.tookMs.clip);
  }
  server.close();
  const searchRss = mib();

  // Baselines over the same data: one MatMul scan of all vectors, one lunr query on one index.
  const rows = await db.embedding.findMany({ select: { vector: true } });
  const matrix = new Float32Array(rows.length * DIM);
  rows.forEach((r, i) => matrix.set(new Float32Array(new Uint8Array(r.vector).buffer), i * DIM));
  const scan = await createDotProductSession();
  const scanMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) scanMs.push((await timed(() => scan(matrix, rows.length, DIM, unitVector())))[1]);
  const manifest = readManifest(paths.textIndex)!;
  const base = lunr.Index.load(readSegment(paths.textIndex, manifest.segments[0]!.file).index);
  const bareLunr: number[] = [];
  for (const q of queries) bareLunr.push((await timed(() => base.search(q.split(" ")[0]!)))[1]);

  console.log(`\n${size.toLocaleString("en")} assets (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  console.log(`  text index: full build ${(buildMs / 1000).toFixed(1)} s (${build.docs} docs), 500-doc delta ${ms(deltaMs)}, merge of deltas ${ms(mergeMs)} (${merge.action}), ${(indexBytes / 2 ** 20).toFixed(0)} MiB on disk`);
  console.log(`  first query (loads index + ${rows.length.toLocaleString("en")} vectors): ${ms(firstMs)}`);
  console.log(`  hybrid search (BM25 + CLIP + filters + fusion + page of 50), query embedding excluded: p50 ${ms(percentile(hybrid, 0.5))}  p95 ${ms(percentile(hybrid, 0.95))}`);
  console.log(`    of which BM25 over the segments p50 ${ms(percentile(parts.bm25, 0.5))} p95 ${ms(percentile(parts.bm25, 0.95))}, CLIP scan + top-k p50 ${ms(percentile(parts.clip, 0.5))} p95 ${ms(percentile(parts.clip, 0.95))}`);
  console.log(`  baseline bare dot-product scan (${rows.length} × ${DIM}):                                  p50 ${ms(percentile(scanMs, 0.5))}  p95 ${ms(percentile(scanMs, 0.95))}`);
  console.log(`  baseline bare lunr query (one word, one index):                                  p50 ${ms(percentile(bareLunr, 0.5))}  p95 ${ms(percentile(bareLunr, 0.95))}`);
  console.log(`  query embedding round trip over the worker socket (fake encoder):                p50 ${ms(percentile(embedMs, 0.5))}  p95 ${ms(percentile(embedMs, 0.95))}`);
  console.log(`  RSS of this process: ${searchRss} after the searches, ${mib()} after the baselines`);
  await db.$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
