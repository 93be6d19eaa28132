// `npm run bench:search [-- <sizes, default 10000,100000> | app]`: builds synthetic libraries (assets with
// file names, OCR text, captions and places from a 20,000-word Zipf vocabulary, plus random unit
// 512-d CLIP embeddings) and times the worker's text-index build, delta and merge. Then, in a fresh
// process playing the server, it prints p50/p95 of hybrid queries through searchAssets (query
// embedding excluded: a stand-in worker answers the socket, its round trip is reported apart) beside
// baselines measured in the same run over the same data — a bare float32 dot-product loop, the bare
// int8 ONNX scan, the flat BM25 segments alone and a bare lunr.Index query over one lunr index of
// the same documents — and that process's RSS. Last, the whole app (supervisor,
// server, worker) on the shared text and face photos with the face and OCR models loaded: RSS of
// each process once the queue is empty and a few searches ran.
import "@/lib/server/install-egress-guard";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseConfig } from "@/lib/config";
import { createDotProductSession, MATRIX_OFFSET } from "@/lib/ml/dot-product-session";
import { serveTextEmbeddings } from "@/lib/ml/serve-text-embeddings";
import { toBytes } from "@/lib/ml/vector-bytes";
import { searchAssets, searchQuery } from "@/lib/search/search-assets";
import { loadSearchDocuments } from "@/lib/search/search-document";
import { searchText } from "@/lib/search/text-index";
import { DEFAULT_POLICY, updateTextIndex } from "@/lib/search/update-text-index";
import { openDb, type Db } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { getJson, spawnApp } from "@/tests/support/app-process";
import { buildLunrIndex, queryLunr } from "@/tests/support/lunr-reference";
import { multipart, request } from "@/tests/support/http-client";
import { sharedFiles, sharedPath } from "@/tests/support/shared";

const sizes = (process.argv[2] ?? "10000,100000").split(",").map(Number).filter(Boolean);
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

const [mode, queryDir, querySize] = process.argv.slice(2);
if (mode === "--serve") await serveQueries(queryDir!, Number(querySize));
else if (mode === "--index") await buildIndex(queryDir!);
else {
  if (process.argv[2] !== "app") await buildAll();
  await measureApp();
}

async function buildAll(): Promise<void> {
  console.log(`bench:search on ${os.cpus().length} cores, node ${process.version}; ${QUERIES} queries per figure`);
  for (const size of sizes) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-search-"));
    const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
    await prepareLibrary(config, createLogger("bench", "warn"));
    const db = await openDb(config.databasePath);
    const [, seedMs] = await timed(() => seedLibrary(db, size));
    await db.$disconnect();
    console.log(`\n${size.toLocaleString("en")} assets (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    // The worker's and the server's parts each in a fresh process, so each RSS is its own.
    for (const part of ["--index", "--serve"]) {
      const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, part, dataDir, String(size)], { stdio: "inherit" });
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
    // BENCH_SEARCH_KEEP=1 keeps the library for profiling (`… scripts/bench-search.ts --serve <dir> <size>`).
    if (process.env.BENCH_SEARCH_KEEP === "1") console.log(`  kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function buildIndex(dataDir: string): Promise<void> {
  const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
  const paths = await prepareLibrary(config, createLogger("bench", "warn"));
  const db = await openDb(config.databasePath);
  const [build, buildMs] = await timed(() => updateTextIndex({ db, paths }));
  const buildRss = mib();
  // A day of new photos as a delta segment, then a forced merge of deltas.
  const fresh = (await db.asset.findMany({ take: 500, select: { id: true } })).map((a) => ({ assetId: a.id }));
  await db.searchChange.createMany({ data: fresh });
  const [, deltaMs] = await timed(() => updateTextIndex({ db, paths }));
  await db.searchChange.createMany({ data: fresh });
  const [merge, mergeMs] = await timed(() => updateTextIndex({ db, paths }, { ...DEFAULT_POLICY, maxDeltas: 1 }));
  const indexBytes = fs.readdirSync(paths.textIndex).reduce((sum, f) => sum + fs.statSync(path.join(paths.textIndex, f)).size, 0);
  console.log(`  worker: text index full build ${(buildMs / 1000).toFixed(1)} s (${build.docs} docs in ${build.segments} segments; process RSS ${buildRss}), 500-doc delta ${ms(deltaMs)}, merge of deltas ${ms(mergeMs)} (${merge.action}), ${(indexBytes / 2 ** 20).toFixed(0)} MiB on disk`);
  await db.$disconnect();
}

async function serveQueries(dataDir: string, size: number): Promise<void> {
  const config = parseConfig({ ...process.env, ALBUMS_DATA_DIR: dataDir });
  const paths = await prepareLibrary(config, createLogger("bench", "warn"));
  const db = await openDb(config.databasePath);
  const startRss = mib();
  const server = await serveTextEmbeddings(paths.mlSocket, async () => ({ model: "bench-clip", vector: unitVector() }));
  const queries = Array.from({ length: QUERIES }, (_, i) => (i % 4 === 0 ? `${word()} ${cities[i % cities.length]} 2011` : i % 4 === 1 ? word() : `${word()} ${word()}`));
  const deps = { db, paths };
  const [, firstMs] = await timed(() => searchAssets(deps, searchQuery.parse({ q: queries[0] }))); // loads the index and the vectors
  const hybrid: number[] = [];
  const embed: number[] = [];
  const parts = { filter: [] as number[], bm25: [] as number[], clip: [] as number[], page: [] as number[] };
  for (const q of queries) {
    const reply = await searchAssets(deps, searchQuery.parse({ q, limit: "50" }));
    hybrid.push(reply.tookMs.total - reply.tookMs.embed);
    embed.push(reply.tookMs.embed);
    for (const key of ["filter", "bm25", "clip", "page"] as const) parts[key].push(reply.tookMs[key]);
  }
  // The same words under a hard filter every asset passes: the filter's cost at its worst.
  const broad: number[] = [];
  for (const q of queries.slice(0, 50)) {
    const reply = await searchAssets(deps, searchQuery.parse({ q, kind: "photo" }));
    broad.push(reply.tookMs.total - reply.tookMs.embed);
  }
  server.close();
  const serverRss = mib();

  // Baselines over the same data, the simplest way each could be done.
  const rows = await db.embedding.findMany({ select: { vector: true } });
  const matrix = new Float32Array(rows.length * DIM);
  rows.forEach((r, i) => matrix.set(new Float32Array(new Uint8Array(r.vector).buffer), i * DIM));
  const bareLoop = () => {
    const q = unitVector();
    const scores = new Float32Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      let dot = 0;
      for (let k = 0; k < DIM; k++) dot += matrix[r * DIM + k]! * q[k]!;
      scores[r] = dot;
    }
    return scores;
  };
  const int8 = Uint8Array.from(matrix, (x) => Math.round(x * 127) + MATRIX_OFFSET);
  const scan = await createDotProductSession();
  const loopMs: number[] = [];
  const scanMs: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    loopMs.push((await timed(bareLoop))[1]);
    scanMs.push((await timed(() => scan(int8, rows.length, DIM, Int8Array.from(unitVector(), (x) => Math.round(x * 127)))))[1]);
  }
  // lunr's own index over the same documents, queried the same way (built here, after the RSS
  // figure above: it is what the flat segments replace).
  const bareFlat: number[] = [];
  for (const q of queries) bareFlat.push((await timed(() => searchText(paths.textIndex, q).top(50)))[1]);
  const ids = (await db.asset.findMany({ select: { id: true } })).map((a) => a.id);
  const [lunrIndex, lunrBuildMs] = await timed(() => buildLunrIndex(loadSearchDocuments(paths.database, ids)));
  const lunrRss = mib();
  const bareLunr: number[] = [];
  for (const q of queries) bareLunr.push((await timed(() => queryLunr(lunrIndex, q)))[1]);

  const line = (label: string, values: number[]) => console.log(`  ${label.padEnd(84)} p50 ${ms(percentile(values, 0.5))}  p95 ${ms(percentile(values, 0.95))}`);
  console.log(`  server: first query, cold (loads the text index and ${rows.length.toLocaleString("en")} vectors; the app does this at start) ${ms(firstMs)}`);
  line("hybrid search (BM25 + CLIP + filters + RRF + page of 50), query embedding excluded", hybrid);
  line("  of which hard filters (SQL)", parts.filter);
  line("  of which BM25 over the segments + rank fusion", parts.bm25);
  line("  of which CLIP int8 scan + top-k", parts.clip);
  line("  of which explanations + page rows", parts.page);
  line("hybrid search with kind=photo (a filter every asset passes), 50 queries", broad);
  line(`baseline: bare float32 dot-product loop (${size.toLocaleString("en")} × ${DIM})`, loopMs);
  line("baseline: bare int8 ONNX MatMulInteger scan (one thread)", scanMs);
  line("BM25 alone over the flat segments (searchText, top 50)", bareFlat);
  line(`baseline: bare lunr.Index query, one index of all ${size.toLocaleString("en")} docs`, bareLunr);
  line("query embedding round trip over the worker socket (stand-in encoder)", embed);
  console.log(`  server process RSS: ${startRss} before the first search (Node, Prisma, onnxruntime), ${serverRss} after the searches; Next.js adds ~150 MiB`);
  console.log(`  baseline lunr.Index: built in ${(lunrBuildMs / 1000).toFixed(1)} s; process RSS with it loaded ${lunrRss}`);
  await db.$disconnect();
}

async function measureApp(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-app-"));
  const app = await spawnApp("start", { ALBUMS_DATA_DIR: dataDir, ALBUMS_FACE_MODEL_DIR: sharedPath("models", "faces"), ALBUMS_LOG_LEVEL: "warn" });
  try {
    const photos = [...sharedFiles("fixtures", "text"), ...sharedFiles("fixtures", "faces")];
    for (const file of photos) {
      const { body, contentType } = multipart(path.basename(file), fs.readFileSync(file));
      await request(app.port, { method: "POST", path: "/api/ingest", headers: { "content-type": contentType }, body });
    }
    for (let health = await getJson(app.port, "/api/health"); health.body.jobs.pending + health.body.jobs.running > 0; health = await getJson(app.port, "/api/health")) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const q of ["parking", "invoice", "arezzo 2008"]) await getJson(app.port, `/api/search?q=${encodeURIComponent(q)}`);
    const processes = fs.readdirSync("/proc").filter((pid) => /^\d+$/.test(pid)).flatMap((pid) => {
      const stat = safeRead(`/proc/${pid}/stat`);
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group !== app.child.pid) return [];
      const rss = Number(/VmRSS:\s+(\d+)/.exec(safeRead(`/proc/${pid}/status`))?.[1] ?? 0) * 1024;
      // Named by their entry script, else their program (tsx's esbuild helpers after a code change).
      const argv = safeRead(`/proc/${pid}/cmdline`).split("\0");
      return [{ command: argv.find((arg) => arg.endsWith(".ts")) ?? argv[0] ?? "?", rss }];
    });
    const total = processes.reduce((sum, p) => sum + p.rss, 0);
    console.log(`\nwhole app on ${photos.length} shared text + face photos, face + OCR models loaded, queue empty, 3 searches run:`);
    for (const p of processes) console.log(`  ${path.basename(p.command).padEnd(24)} RSS ${(p.rss / 2 ** 20).toFixed(0)} MiB`);
    console.log(`  total                    RSS ${(total / 2 ** 20).toFixed(0)} MiB (target ≤ 1024 MiB)`);
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
