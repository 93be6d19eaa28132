// `npm run bench:folder-scan [-- <count, default 1000>]`: the phone's folder backup in real headless
// Chromium. Fills an Origin Private File System folder with <count> distinct photos (the shared JPEG
// fixtures in turn, each with its own tail), then in the same page times a bare read of every file
// (the baseline) and a bare read + WebCrypto SHA-256, the first scan (list + SHA-256 of every file + box check + queue + records, paced
// with a yield per file) and a second scan of the unchanged folder (metadata only). Prints files/s.
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { buildSync } from "esbuild";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "@/tests/support/pwa-browser";
import { sharedFiles } from "@/tests/support/shared";

const count = Number(process.argv[2] ?? 1000);
const root = path.resolve(import.meta.dirname, "..");

type Bench = {
  fill(photos: string[], count: number): Promise<number>;
  bareRead(digest: boolean): Promise<{ ms: number; result: number }>;
  scan(): Promise<{ ms: number; result: { seen: number; candidates: number; queued: number } | null }>;
};

const bundle = buildSync({ entryPoints: [path.join(root, "scripts", "bench-folder-scan.page.ts")], bundle: true, format: "iife", target: "chrome120", write: false, tsconfig: path.join(root, "tsconfig.json"), logLevel: "warning" }).outputFiles[0]!.text;
const server = http.createServer((req, res) => {
  if (req.url === "/bench.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
  res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const photos = sharedFiles("fixtures").filter((f) => /\.jpe?g$/i.test(f) && fs.statSync(f).size < 2_000_000).map((f) => fs.readFileSync(f).toString("base64"));
  const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) => page.evaluate(([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n as string]!(...(a as unknown[])), [name, args] as const) as ReturnType<Bench[K]>;
  const bytes = await call("fill", photos, count);
  const mb = bytes / 1e6;
  console.log(`${count} photos, ${mb.toFixed(1)} MB in OPFS (Chromium ${browser.version()})`);
  const rate = (ms: number) => `${((count * 1000) / ms).toFixed(0).padStart(6)} files/s  ${((mb * 1000) / ms).toFixed(1).padStart(6)} MB/s  ${(ms / 1000).toFixed(2).padStart(6)} s`;
  await call("bareRead", false); // warm the OS cache, as the scan will find it
  const bare = await call("bareRead", false);
  const hashed = await call("bareRead", true);
  const first = await call("scan");
  const again = await call("scan");
  if (first.result?.queued !== count || again.result?.candidates !== 0) throw new Error(`unexpected scan results: ${JSON.stringify([first.result, again.result])}`);
  console.log(`bare read (baseline)          ${rate(bare.ms)}`);
  console.log(`bare read + SHA-256           ${rate(hashed.ms)}`);
  console.log(`first scan (hash + queue)     ${rate(first.ms)}   ${(first.ms / bare.ms).toFixed(2)}× the bare read`);
  console.log(`second scan (nothing new)     ${rate(again.ms)}`);
} finally {
  await browser.close();
  server.close();
}
