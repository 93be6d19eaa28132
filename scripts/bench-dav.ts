// `npm run bench:dav [-- <MB> <rounds>]`: WebDAV PUT and GET throughput of one big file (2 GB by default)
// against a bare disk write (with fsync) and read of the same bytes in the same run. The WebDAV
// handler (lib/webdav, as scripts/serve.ts mounts it) answers on loopback; curl is the client, in
// its own process. The PUT goes the whole durable ingest path (hash into tmp/, fsync, link into
// originals/, rows + journal); it counts until the 201. Both reads start from disk: the file's
// pages are dropped from the page cache first (`dd iflag=nocache`), so GET is compared with a disk
// read; then both again from the page cache, where nothing is left but copies (the server's read
// and socket write, curl's receive, against the bare read's one copy). A third figure, the
// loopback ceiling, is a Node HTTP server in this process sending one buffer again and again (no
// file read at all) to the same curl: the most any Node answer can move on this box.
import "@/lib/server/install-egress-guard";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { originalPath } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { handleDav } from "@/lib/webdav/handle-dav";

const MB = Number(process.argv[2] ?? 2048);
const ROUNDS = Number(process.argv[3] ?? 3);
const TOKEN = "bench-token-0123456789abcdef0123";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-dav-"));
const env = { ALBUMS_DATA_DIR: root, ALBUMS_API_TOKEN: TOKEN, ALBUMS_ENRICHMENT: "none", ALBUMS_MAX_UPLOAD_MB: String(MB + 16) };
Object.assign(process.env, env);
const config = parseConfig(env);
const log = createLogger("bench", "warn");
const paths = await prepareLibrary(config, log);
const deps = { db: await getDb(), paths, config };
const server = http.createServer((req, res) => void handleDav(req, res, deps, log));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/dav/big.bin`;
const ceiling = http.createServer((_req, res) => {
  const chunk = Buffer.alloc(1 << 20, 7);
  let left = MB;
  res.writeHead(200, { "content-length": String(MB * 1024 * 1024) });
  const pump = () => {
    while (left > 0) {
      left -= 1;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
});
await new Promise<void>((resolve) => ceiling.listen(0, "127.0.0.1", resolve));
const ceilingUrl = `http://127.0.0.1:${(ceiling.address() as { port: number }).port}/`;
const run = promisify(execFile);

const bare = path.join(root, "bare.bin");
const block = randomBytes(16 * 1024 * 1024);
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

async function timed(label: string, work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const rate = mbps(MB * 1024 * 1024, performance.now() - started);
  const { user, system } = process.cpuUsage(cpu);
  // CPU this process spent per GiB: on a busy box the wall-clock rate mostly says how much CPU it got.
  console.log(`${label.padEnd(34)} ${rate.toFixed(0).padStart(6)} MB/s  (${(((user + system) / 1e6) / (MB / 1024)).toFixed(2)} CPU s/GiB in this process)`);
  return rate;
}

try {
  console.log(`${MB} MB, data dir ${root}`);
  const bareWrite = await timed("bare write + fsync", async () => {
    const handle = await fs.promises.open(bare, "w");
    for (let i = 0; i < MB / 16; i += 1) {
      block.writeUInt32BE(i, 0); // every block differs
      await handle.write(block);
    }
    await handle.sync();
    await handle.close();
  });
  // curl discards what it receives (-o /dev/null): a client that only copies the bytes out of the
  // socket, as a real download does before it writes them; it shares this box's CPUs with the server.
  const curl = ["-sS", "--fail", "-u", `me:${TOKEN}`];
  const get = async () => void (await run("curl", [...curl, "-o", "/dev/null", url], { maxBuffer: 1 << 20 }));
  // The bare read reads into one reused buffer, as `cat` does (and as the GET does: fresh buffers
  // per chunk would make the baseline pay for page faults the server no longer pays for).
  const readBare = async () => {
    const handle = await fs.promises.open(bare, "r");
    const buffer = Buffer.allocUnsafeSlow(1 << 20);
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
    await handle.close();
  };
  const davPut = await timed("WebDAV PUT (until 201, durable)", async () => {
    await run("curl", [...curl, "-T", bare, "-o", "/dev/null", url], { maxBuffer: 1 << 20 });
  });
  const dropCache = (file: string) => run("dd", [`if=${file}`, "iflag=nocache", "count=0", "status=none"]);
  const stored = await deps.db.asset.findFirstOrThrow({ where: { originalName: "big.bin" }, select: { sha256: true, ext: true } });
  const storedFile = originalPath(paths, stored.sha256, stored.ext);
  // Interleaved rounds (this box is shared: other processes take the CPUs and the page cache),
  // each pair in the same cache state: both files dropped first ("from disk"), then both read
  // again at once ("page cache": the hardest comparison, nothing but copies left).
  const rates: Record<string, number[]> = { bareDisk: [], getDisk: [], bareCache: [], getCache: [], ceiling: [] };
  for (let round = 0; round < ROUNDS; round++) {
    await dropCache(bare);
    rates.bareDisk!.push(await timed("bare read (from disk)", readBare));
    await dropCache(storedFile);
    rates.getDisk!.push(await timed("WebDAV GET (from disk)", get));
    rates.bareCache!.push(await timed("bare read (page cache)", readBare));
    rates.getCache!.push(await timed("WebDAV GET (page cache)", get));
    rates.ceiling!.push(await timed("loopback ceiling (no file read)", async () => void (await run("curl", ["-sS", "--fail", "-o", "/dev/null", ceilingUrl], { maxBuffer: 1 << 20 }))));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = (of: (xs: number[]) => number, app: string, base: string) => `${(of(rates[app]!) / of(rates[base]!)).toFixed(2)}×`;
  console.log(`PUT/bare write ${(davPut / bareWrite).toFixed(2)}× (target ≥ 0.8×)`);
  for (const [label, of] of [["medians", median], ["best", (xs: number[]) => Math.max(...xs)]] as const) {
    console.log(`${label} of ${ROUNDS}: GET/bare read from disk ${of(rates.getDisk!).toFixed(0)}/${of(rates.bareDisk!).toFixed(0)} MB/s = ${ratio(of, "getDisk", "bareDisk")}; from the page cache ${of(rates.getCache!).toFixed(0)}/${of(rates.bareCache!).toFixed(0)} MB/s = ${ratio(of, "getCache", "bareCache")} (target ≥ 0.8×); GET from the page cache/loopback ceiling ${of(rates.getCache!).toFixed(0)}/${of(rates.ceiling!).toFixed(0)} MB/s = ${ratio(of, "getCache", "ceiling")}`);
  }
  // A GET holds three 1 MiB buffers whatever the size of the file (lib/http/write-file-range.ts).
  console.log(`peak RSS of this process (server and bare reads) ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
} finally {
  server.close();
  ceiling.close();
  await deps.db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
}
