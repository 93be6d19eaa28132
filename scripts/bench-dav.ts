// `npm run bench:dav [-- <MB>]`: WebDAV PUT and GET throughput of one big file (2 GB by default)
// against a bare disk write (with fsync) and read of the same bytes in the same run. The WebDAV
// handler (lib/webdav, as scripts/serve.ts mounts it) answers on loopback; curl is the client, in
// its own process. The PUT goes the whole durable ingest path (hash into tmp/, fsync, link into
// originals/, rows + journal); it counts until the 201.
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
import { prepareLibrary } from "@/lib/server/prepare-library";
import { handleDav } from "@/lib/webdav/handle-dav";

const MB = Number(process.argv[2] ?? 2048);
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
const run = promisify(execFile);

const bare = path.join(root, "bare.bin");
const block = randomBytes(16 * 1024 * 1024);
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

async function timed(label: string, work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  const rate = mbps(MB * 1024 * 1024, performance.now() - started);
  console.log(`${label.padEnd(34)} ${rate.toFixed(0).padStart(6)} MB/s`);
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
  const bareRead = await timed("bare read", async () => {
    for await (const chunk of fs.createReadStream(bare, { highWaterMark: 1 << 20 })) void chunk;
  });
  const curl = ["-sS", "--fail", "-u", `me:${TOKEN}`];
  const davPut = await timed("WebDAV PUT (until 201, durable)", async () => {
    await run("curl", [...curl, "-T", bare, "-o", "/dev/null", url], { maxBuffer: 1 << 20 });
  });
  const davGet = await timed("WebDAV GET", async () => {
    await run("curl", [...curl, "-o", "/dev/null", url], { maxBuffer: 1 << 20 });
  });
  console.log(`PUT/bare write ${(davPut / bareWrite).toFixed(2)}×, GET/bare read ${(davGet / bareRead).toFixed(2)}× (target ≥ 0.8×)`);
} finally {
  server.close();
  await deps.db.$disconnect();
  fs.rmSync(root, { recursive: true, force: true });
}
