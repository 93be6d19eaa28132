// RELIABILITY scenarios 2, 7 and 8 with the real processes: kill -9 the worker mid-job (re-claimed
// after its lease, effect once); concurrent identical uploads (one asset); server and worker
// writing concurrently (1,000 uploads while thumbnails are made: no SQLITE_BUSY reaches anyone,
// no job claimed twice).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { filesUnder, spawnApp, uploadSlowly } from "../support/app-process";
import { sharedPath } from "../support/shared";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
// Retries: a worker stopped a moment ago may still be closing files under derived/.
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })));

// These scenarios are about the queue itself (leases, concurrent writes): search enrichment is off
// so "the queue drained" means the thumbnails are done, not OCR of a thousand test images.
function library(extra: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-conc-"));
  dirs.push(dataDir);
  return { ALBUMS_DATA_DIR: dataDir, ALBUMS_API_TOKEN: "", ALBUMS_OWNER: "", ALBUMS_BACKUP_EVERY_HOURS: "0", ALBUMS_ENRICHMENT: "none", ...extra };
}

function startWorker(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "workers/worker.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d: Buffer) => (output += d));
  child.stderr!.on("data", (d: Buffer) => (output += d));
  return { child, output: () => output };
}

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function query<T>(dataDir: string, sql: string): T[] {
  const db = new Database(path.join(dataDir, "albums.db"), { readonly: true, timeout: 15_000 });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Sends half of a multipart upload, then drops the connection. */
async function abandonUpload(port: number, data: Buffer): Promise<void> {
  const http = await import("node:http");
  const boundary = "----abandon";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="retry.jpg"\r\n\r\n`);
  const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/ingest", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + data.length + 100 } });
  req.on("error", () => {});
  req.write(head);
  req.write(data.subarray(0, data.length / 2));
  await new Promise((r) => setTimeout(r, 200));
  req.destroy();
}

async function tinyPng(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 12, channels: 3, background: { r: seed % 256, g: Math.floor(seed / 256) % 256, b: 200 } } }).png().toBuffer();
}

describe("scenario 2: kill -9 the worker mid-job", () => {
  it("re-claims the job after its lease and applies its effect once", async () => {
    const env = library({ ALBUMS_JOB_LEASE_SECONDS: "2", ALBUMS_WORKER_CONCURRENCY: "1" });
    await prepareLibrary(parseConfig(env), createLogger("t", "error"));
    const server = await spawnApp("serve", env);
    const heics = ["IMG_5195.HEIC", "mobile/iphone_13_pro_max.HEIC", "mobile/HMD_Nokia_8.3_5G.heif"].map((f) => sharedPath("fixtures", "photos", "heic", f));
    for (const file of heics) expect(await uploadSlowly(server.port, path.basename(file), fs.readFileSync(file), { pauseMs: 0 })).toMatchObject({ status: 201 });
    await server.stop();

    const first = startWorker(env);
    const victim = await until(() => query<{ id: number; key: string }>(env.ALBUMS_DATA_DIR, `SELECT id, key FROM "Job" WHERE status = 'running' AND kind = 'thumbnail'`)[0], "a running thumbnail job");
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    expect(query<{ status: string }>(env.ALBUMS_DATA_DIR, `SELECT status FROM "Job" WHERE id = ${victim.id}`)[0]?.status).toBe("running");

    const second = startWorker(env);
    try {
      await until(() => (query<{ n: number }>(env.ALBUMS_DATA_DIR, `SELECT COUNT(*) AS n FROM "Job" WHERE status IN ('pending','running')`)[0]!.n === 0 ? true : undefined), "the queue to drain");
    } finally {
      second.child.kill("SIGTERM");
      await new Promise((r) => second.child.once("exit", r));
    }
    const jobs = query<{ id: number; status: string; attempts: number }>(env.ALBUMS_DATA_DIR, `SELECT id, status, attempts FROM "Job"`);
    expect(jobs.every((j) => j.status === "done")).toBe(true);
    expect(jobs.find((j) => j.id === victim.id)?.attempts).toBe(2);
    const derivatives = query<{ n: number }>(env.ALBUMS_DATA_DIR, `SELECT COUNT(*) AS n FROM "Derivative" WHERE kind LIKE 'thumb-%'`)[0]!.n;
    expect(derivatives).toBe(heics.length * 2);
    const thumbFiles = filesUnder(path.join(env.ALBUMS_DATA_DIR, "derived")).filter((f) => f.endsWith(".webp"));
    expect(thumbFiles).toHaveLength(heics.length * 2);
  });
});

describe("scenario 7: concurrent identical uploads", () => {
  it("store exactly one asset; a retry after a failed attempt succeeds", async () => {
    const env = library();
    await prepareLibrary(parseConfig(env), createLogger("t", "error"));
    const server = await spawnApp("serve", env);
    try {
      const photo = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0040.jpg"));
      const replies = await Promise.all(Array.from({ length: 12 }, () => uploadSlowly(server.port, "same.jpg", photo, { chunk: 16 * 1024, pauseMs: 2 })));
      const statuses = replies.map((r) => ("status" in r ? r.status : 0)).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(11);
      expect(new Set(replies.map((r) => ("body" in r ? r.body.assetId : null))).size).toBe(1);
      expect(query<{ n: number }>(env.ALBUMS_DATA_DIR, `SELECT COUNT(*) AS n FROM "Asset"`)[0]!.n).toBe(1);
      expect(filesUnder(path.join(env.ALBUMS_DATA_DIR, "originals"))).toHaveLength(1);

      // An upload the client abandons halfway leaves nothing, and the retry is a fresh ingest.
      const other = fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "gps", "DSCN0042.jpg"));
      await abandonUpload(server.port, other);
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.readdirSync(path.join(env.ALBUMS_DATA_DIR, "tmp"))).toEqual([]);
      const { createHash } = await import("node:crypto");
      const retry = await uploadSlowly(server.port, "retry.jpg", other, { pauseMs: 0 });
      expect(retry).toMatchObject({ status: 201, body: { status: "ingested", sha256: createHash("sha256").update(other).digest("hex") } });
      expect(filesUnder(path.join(env.ALBUMS_DATA_DIR, "originals"))).toHaveLength(2);
    } finally {
      await server.stop();
    }
  });
});

describe("scenario 8: server and worker write concurrently", () => {
  it("1,000 uploads while the worker makes 1,000 thumbnails: no SQLITE_BUSY, no job claimed twice", async () => {
    const env = library({ ALBUMS_WORKER_CONCURRENCY: "2" });
    const app = await spawnApp("start", env, { waitFor: (h) => h.worker?.alive === true });
    try {
      const queue = Array.from({ length: 1000 }, (_, i) => i);
      const failures: string[] = [];
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
            const reply = await uploadSlowly(app.port, `tiny-${i}.png`, await tinyPng(i), { pauseMs: 0 });
            if (!("status" in reply) || reply.status !== 201) failures.push(JSON.stringify(reply));
          }
        }),
      );
      expect(failures).toEqual([]);
      await until(() => (query<{ n: number }>(env.ALBUMS_DATA_DIR, `SELECT COUNT(*) AS n FROM "Job" WHERE status IN ('pending','running')`)[0]!.n === 0 ? true : undefined), "thumbnails", 180_000);
      const jobs = query<{ status: string; attempts: number; n: number }>(env.ALBUMS_DATA_DIR, `SELECT status, attempts, COUNT(*) AS n FROM "Job" GROUP BY status, attempts`);
      expect(jobs).toEqual([{ status: "done", attempts: 1, n: 1000 }]);
      expect(app.output()).not.toMatch(/SQLITE_BUSY|database is locked/i);
    } finally {
      await app.stop();
    }
    // 30–55 s alone; beside the units lane on two cores it can take longer (its own wait allows 180 s).
  }, 240_000);
});
