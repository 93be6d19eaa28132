import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DownloadRefused } from "./download-file";
import { MODEL_RECORD, downloadModel } from "./download-model";
import type { ModelEntry } from "./model-manifest";

// A fake Hugging Face hub: `resolve` answers LFS files with a 302 carrying X-Linked-Etag (sha256)
// and X-Linked-Size, and small files directly with ETag = git blob sha1, as huggingface.co does.
type FakeFile = { content: Buffer; lfs: boolean; sha256?: string; noChecksum?: boolean; cutAfter?: number; ignoreRange?: boolean };
const files = new Map<string, FakeFile>();
let requests: { url: string; range: string | undefined }[] = [];
let server: http.Server;
let baseUrl: string;
let modelsDir: string;

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const gitSha1 = (b: Buffer) => createHash("sha1").update(`blob ${b.length}\0`).update(b).digest("hex");
const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 8)) & 0xff));

function serveBody(req: http.IncomingMessage, res: http.ServerResponse, file: FakeFile, headers: Record<string, string>): void {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
  const start = match && !file.ignoreRange ? Number(match[1]) : 0;
  if (start >= file.content.length && start > 0) {
    res.writeHead(416, { ...headers, "content-range": `bytes */${file.content.length}` });
    return void res.end();
  }
  const body = file.content.subarray(start);
  res.writeHead(start > 0 ? 206 : 200, {
    ...headers,
    "content-length": String(body.length),
    ...(start > 0 ? { "content-range": `bytes ${start}-${file.content.length - 1}/${file.content.length}` } : {}),
  });
  if (file.cutAfter !== undefined) {
    const cut = file.cutAfter;
    file.cutAfter = undefined;
    res.write(body.subarray(0, cut), () => setTimeout(() => res.destroy(), 20));
    return;
  }
  res.end(body);
}

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  requests.push({ url: req.url!, range: req.headers.range });
  const cdn = /^\/cdn\/(.+)$/.exec(req.url!);
  const hub = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(req.url!);
  const key = cdn ? cdn[1]! : hub ? `${hub[1]}/${hub[3]}` : "";
  const file = files.get(key);
  if (!file) return void res.writeHead(404).end("Entry not found");
  const commit = { "x-repo-commit": "0123456789abcdef0123456789abcdef01234567" };
  if (cdn) return serveBody(req, res, file, {});
  if (file.lfs) {
    const sha = file.sha256 ?? sha256(file.content);
    const checksum = file.noChecksum ? {} : { "x-linked-etag": `"${sha}"`, etag: `"${sha}"` };
    res.writeHead(302, { ...commit, ...checksum, "x-linked-size": String(file.content.length), location: `/cdn/${key}` });
    return void res.end();
  }
  serveBody(req, res, file, { ...commit, ...(file.noChecksum ? {} : { etag: `W/"${gitSha1(file.content)}"` }) });
}

const entry = (name: string, paths: string[]): ModelEntry => ({ name, repo: `test/${name}`, revision: "main", purpose: "test", licence: "test", approxMB: 0, files: paths.map((p) => ({ path: p })) });
const serve = (name: string, p: string, file: FakeFile) => files.set(`test/${name}/${p}`, file);

beforeAll(async () => {
  server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), "albums-models-"));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(modelsDir, { recursive: true, force: true });
});

beforeEach(() => {
  requests = [];
});

describe("downloadModel", () => {
  it("fetches every file, verifies LFS files by sha256 and small files by git blob id, and records them", async () => {
    const weights = bytes(50_000, 1), config = Buffer.from('{"model_type":"clip"}\n');
    serve("basic", "onnx/model.onnx", { content: weights, lfs: true });
    serve("basic", "config.json", { content: config, lfs: false });
    const result = await downloadModel({ entry: entry("basic", ["config.json", "onnx/model.onnx"]), modelsDir, baseUrl });
    expect(result).toMatchObject({ status: "downloaded", commit: "0123456789abcdef0123456789abcdef01234567" });
    expect(result.files.map((f) => [f.path, f.bytes, f.verifiedWith])).toEqual([
      ["config.json", config.length, "git-sha1 from ETag"],
      ["onnx/model.onnx", weights.length, "sha256 from X-Linked-Etag"],
    ]);
    expect(await fs.readFile(path.join(modelsDir, "basic/onnx/model.onnx"))).toEqual(weights);
    expect(await fs.readFile(path.join(modelsDir, "basic/config.json"))).toEqual(config);
    const record = JSON.parse(await fs.readFile(path.join(modelsDir, "basic", MODEL_RECORD), "utf8"));
    expect(record.files).toContainEqual({ path: "onnx/model.onnx", bytes: weights.length, algorithm: "sha256", hex: sha256(weights) });
    expect((await fs.readdir(path.join(modelsDir, "basic/onnx"))).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });

  it("skips an already complete model without a single request", async () => {
    const result = await downloadModel({ entry: entry("basic", ["config.json", "onnx/model.onnx"]), modelsDir, baseUrl });
    expect(result.status).toBe("skipped");
    expect(result.files.every((f) => f.skipped)).toBe(true);
    expect(requests).toEqual([]);
  });

  it("resumes a file whose connection was cut mid-way, in a later run, to the exact bytes", async () => {
    const weights = bytes(200_000, 2);
    serve("cut", "onnx/model.onnx", { content: weights, lfs: true, cutAfter: 70_000 });
    const model = entry("cut", ["onnx/model.onnx"]);
    await expect(downloadModel({ entry: model, modelsDir, baseUrl, attempts: 1 })).rejects.toThrow();
    const partial = path.join(modelsDir, "cut/onnx/model.onnx.partial");
    expect((await fs.stat(partial)).size).toBe(70_000);
    await expect(fs.stat(path.join(modelsDir, "cut/onnx/model.onnx"))).rejects.toThrow();

    requests = [];
    const result = await downloadModel({ entry: model, modelsDir, baseUrl });
    expect(result.files[0]).toMatchObject({ resumedFrom: 70_000, bytes: weights.length });
    expect(requests).toContainEqual({ url: "/cdn/test/cut/onnx/model.onnx", range: "bytes=70000-" });
    expect(await fs.readFile(path.join(modelsDir, "cut/onnx/model.onnx"))).toEqual(weights);
    await expect(fs.stat(partial)).rejects.toThrow();
  });

  it("retries a cut connection within one run, and restarts when the server ignores Range", async () => {
    const weights = bytes(120_000, 3);
    serve("retry", "onnx/model.onnx", { content: weights, lfs: true, cutAfter: 10_000, ignoreRange: true });
    const result = await downloadModel({ entry: entry("retry", ["onnx/model.onnx"]), modelsDir, baseUrl, retryDelayMs: 0 });
    expect(result.files[0]).toMatchObject({ resumedFrom: 0, bytes: weights.length });
    expect(requests.filter((r) => r.url.startsWith("/cdn/")).map((r) => r.range)).toEqual([undefined, "bytes=10000-"]);
    expect(await fs.readFile(path.join(modelsDir, "retry/onnx/model.onnx"))).toEqual(weights);
  });

  it("deletes a download whose sha256 does not match and leaves no final file", async () => {
    serve("bad", "onnx/model.onnx", { content: bytes(30_000, 4), lfs: true, sha256: "0".repeat(64) });
    const failure = downloadModel({ entry: entry("bad", ["onnx/model.onnx"]), modelsDir, baseUrl, retryDelayMs: 0 });
    await expect(failure).rejects.toBeInstanceOf(DownloadRefused);
    await expect(failure).rejects.toThrow(/sha256 is [0-9a-f]{64}, but X-Linked-Etag says 0{64}/);
    expect(await fs.readdir(path.join(modelsDir, "bad/onnx"))).toEqual([]);
    expect(requests.filter((r) => r.url.startsWith("/cdn/"))).toHaveLength(1);
  });

  it("refuses a file for which neither the manifest nor the server gives a checksum", async () => {
    serve("unsigned", "config.json", { content: Buffer.from("{}"), lfs: false, noChecksum: true });
    await expect(downloadModel({ entry: entry("unsigned", ["config.json"]), modelsDir, baseUrl })).rejects.toThrow(/publishes no checksum/);
    await expect(fs.stat(path.join(modelsDir, "unsigned/config.json"))).rejects.toThrow();
  });

  it("verifies against a sha256 pinned in the manifest, over what the server says", async () => {
    const content = bytes(5_000, 5);
    serve("pinned", "onnx/model.onnx", { content, lfs: true });
    const pinned = { ...entry("pinned", []), files: [{ path: "onnx/model.onnx", sha256: "f".repeat(64) }] };
    await expect(downloadModel({ entry: pinned, modelsDir, baseUrl })).rejects.toThrow(/manifest says f{64}/);
    pinned.files[0]!.sha256 = sha256(content);
    expect((await downloadModel({ entry: pinned, modelsDir, baseUrl })).files[0]!.verifiedWith).toBe("sha256 from manifest");
  });

  it("stops on a 404 with the URL", async () => {
    await expect(downloadModel({ entry: entry("missing", ["config.json"]), modelsDir, baseUrl })).rejects.toThrow(/resolve\/main\/config\.json answered 404/);
  });
});

describe("scripts/models-download.ts", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/models-download.ts", ...args], { cwd: root }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("exits non-zero on a checksum mismatch, then downloads, then skips a complete model", async () => {
    const { MODEL_MANIFEST } = await import("./model-manifest");
    const clip = MODEL_MANIFEST.find((m) => m.name === "clip-vit-base-patch32")!;
    clip.files.forEach((f, i) => files.set(`${clip.repo}/${f.path}`, { content: bytes(1000 + i, i), lfs: f.path.endsWith(".onnx") }));
    files.get(`${clip.repo}/onnx/vision_model.onnx`)!.sha256 = "1".repeat(64);
    const dir = path.join(modelsDir, "cli");
    const args = ["--model", "clip-vit-base-patch32", "--dir", dir, "--base-url", baseUrl];

    const bad = await run(args);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/clip-vit-base-patch32: FAILED: .*vision_model\.onnx: sha256 is/);
    await expect(fs.stat(path.join(dir, "clip-vit-base-patch32/onnx/vision_model.onnx"))).rejects.toThrow();

    files.get(`${clip.repo}/onnx/vision_model.onnx`)!.sha256 = undefined;
    const good = await run(args);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/onnx\/vision_model\.onnx: 1008 bytes, verified with sha256 from X-Linked-Etag/);
    expect(good.stdout).toMatch(/config\.json: 1000 bytes, already verified/);

    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already complete, nothing fetched/);

    expect((await run(["--model", "nope"])).code).toBe(2);
  });
});
