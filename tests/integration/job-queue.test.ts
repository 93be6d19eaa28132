// The durable queue on a real SQLite file: atomic claims across processes, leases, retries with
// backoff, terminal failures, idempotent enqueue, and the worker's refusal of unhandled kinds.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JobHandler } from "@/lib/queue/handler";
import { PermanentJobError } from "@/lib/queue/handler";
import { JOB_KINDS } from "@/lib/queue/kinds";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let queue: typeof import("@/lib/queue/enqueue") & typeof import("@/lib/queue/claim");
let worker: typeof import("@/lib/jobs/run-worker");
let handlers: typeof import("@/lib/jobs/handlers");

async function makeAsset(n: number): Promise<string> {
  const id = `asset-${n}-${Math.random().toString(36).slice(2)}`;
  await lib.db.asset.create({
    data: { id, sha256: (n.toString(16) + Math.random().toString(16).slice(2)).padEnd(64, "0").slice(0, 64), kind: "photo", mimeType: "image/png", ext: "png", size: 1n, originalName: `${n}.png`, source: "api", capturedAt: new Date(), capturedAtSource: "upload" },
  });
  return id;
}

beforeAll(async () => {
  lib = await createTestLibrary();
  queue = { ...(await import("@/lib/queue/enqueue")), ...(await import("@/lib/queue/claim")) };
  worker = await import("@/lib/jobs/run-worker");
  handlers = await import("@/lib/jobs/handlers");
});
beforeEach(async () => {
  await lib.db.job.deleteMany();
});
afterAll(async () => lib?.cleanup());

describe("job queue", () => {
  it("claims by priority and never hands one job to two workers", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => makeAsset(i)));
    for (const id of ids) {
      await queue.enqueueJob(lib.db, { kind: "motion-video", assetId: id });
      await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    }
    const first = await queue.claimJob(lib.db, "w0", 60_000, ["thumbnail", "motion-video"]);
    expect(first?.kind).toBe("thumbnail");
    const claims = await Promise.all(Array.from({ length: 80 }, (_, i) => queue.claimJob(lib.db, `w${i % 4}`, 60_000, ["thumbnail", "motion-video"])));
    const got = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(got).toHaveLength(59);
    expect(new Set([...got, first!.id]).size).toBe(60);
  });

  it("re-claims a job whose lease expired (its worker died) and counts the attempt", async () => {
    const id = await makeAsset(100);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    const job = await queue.claimJob(lib.db, "dead-worker", 1, ["thumbnail"]);
    expect(job?.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    const again = await queue.claimJob(lib.db, "live-worker", 60_000, ["thumbnail"]);
    expect(again).toMatchObject({ id: job!.id, attempts: 2 });
    // The dead worker can no longer complete it.
    await queue.completeJob(lib.db, job!, "dead-worker");
    expect((await lib.db.job.findUnique({ where: { id: job!.id } }))?.status).toBe("running");
  });

  it("retries with backoff, then fails for good after maxAttempts; permanent errors fail at once", async () => {
    const a = await makeAsset(200);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: a });
    await lib.db.job.updateMany({ data: { maxAttempts: 2 } });
    let job = (await queue.claimJob(lib.db, "w", 60_000, ["thumbnail"]))!;
    expect(await queue.failJob(lib.db, job, "w", new Error("disk hiccup"), false)).toBe("retry");
    const row = (await lib.db.job.findUnique({ where: { id: job.id } }))!;
    expect(row.status).toBe("pending");
    expect(row.runAfter.getTime() - Date.now()).toBeGreaterThan(3_000);
    expect(await queue.claimJob(lib.db, "w", 60_000, ["thumbnail"])).toBeNull(); // not due yet
    await lib.db.job.update({ where: { id: job.id }, data: { runAfter: new Date(0) } });
    job = (await queue.claimJob(lib.db, "w", 60_000, ["thumbnail"]))!;
    expect(await queue.failJob(lib.db, job, "w", new Error("again"), false)).toBe("failed");
    expect((await lib.db.job.findUnique({ where: { id: job.id } }))).toMatchObject({ status: "failed", lastError: "again", attempts: 2 });

    const b = await makeAsset(201);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: b });
    const other = (await queue.claimJob(lib.db, "w", 60_000, ["thumbnail"]))!;
    expect(await queue.failJob(lib.db, other, "w", new PermanentJobError("bad file"), true)).toBe("failed");
    expect(queue.retryDelayMs(1)).toBe(5_000);
    expect(queue.retryDelayMs(3)).toBe(80_000);
    expect(queue.retryDelayMs(20)).toBe(3_600_000);
  });

  it("enqueue is idempotent per (kind, asset) and re-arms a finished job", async () => {
    const id = await makeAsset(300);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    expect(await lib.db.job.count()).toBe(1);
    const job = (await queue.claimJob(lib.db, "w", 60_000, ["thumbnail"]))!;
    await queue.completeJob(lib.db, job, "w");
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    expect(await lib.db.job.findUnique({ where: { id: job.id } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("the worker runs every handler once per job and records outcomes", async () => {
    const ran: string[] = [];
    const fake = (kind: JobHandler["kind"], fail?: Error): JobHandler => ({ kind, run: async (_ctx, job) => { ran.push(`${kind}:${job.assetId}`); if (fail) throw fail; } });
    const id = await makeAsset(400);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    await queue.enqueueJob(lib.db, { kind: "document-text", assetId: id });
    await worker.runWorker(
      { db: lib.db, paths: lib.paths, config: lib.config, log: (await import("@/lib/server/logger")).createLogger("t", "error") },
      { workerId: "w", untilIdle: true, handlers: JOB_KINDS.map((kind) => fake(kind, kind === "document-text" ? new PermanentJobError("nope") : undefined)) },
    );
    expect(ran.sort()).toEqual([`document-text:${id}`, `thumbnail:${id}`]);
    const jobs = await lib.db.job.findMany({ orderBy: { kind: "asc" } });
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([["document-text", "failed"], ["thumbnail", "done"]]);
  });

  it("a job re-armed while it runs is not run again in another lane at the same time, and runs once more after", async () => {
    const id = await makeAsset(450);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    let live = 0;
    let most = 0;
    const runs: number[] = [];
    const slow: JobHandler = {
      kind: "thumbnail",
      run: async () => {
        live += 1;
        most = Math.max(most, live);
        runs.push(runs.length + 1);
        // The first run is re-armed halfway (an owner's second edit), the way the edit route does.
        if (runs.length === 1) await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
        await new Promise((r) => setTimeout(r, 300));
        live -= 1;
      },
    };
    await worker.runWorker(
      { db: lib.db, paths: lib.paths, config: lib.config, log: (await import("@/lib/server/logger")).createLogger("t", "error") },
      { workerId: "w", untilIdle: false, pollMs: 20, concurrency: 2, signal: AbortSignal.timeout(1_500), handlers: JOB_KINDS.map((kind) => (kind === "thumbnail" ? slow : { kind, run: async () => {} })) },
    );
    expect(most).toBe(1);
    expect(runs).toEqual([1, 2]);
    expect(await lib.db.job.findFirst({ where: { assetId: id } })).toMatchObject({ status: "done" });
  });

  it("at start, hands back jobs a dead worker left running (failing those out of attempts)", async () => {
    const a = await makeAsset(500);
    const b = await makeAsset(501);
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: a });
    await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: b });
    await queue.claimJob(lib.db, "dead", 600_000, ["thumbnail"]);
    await queue.claimJob(lib.db, "dead", 600_000, ["thumbnail"]);
    await lib.db.job.updateMany({ where: { assetId: b }, data: { attempts: 5 } });
    expect(await queue.recoverInterruptedJobs(lib.db)).toBe(2);
    expect(await lib.db.job.findFirst({ where: { assetId: a } })).toMatchObject({ status: "pending", attempts: 1, leasedBy: null });
    expect(await lib.db.job.findFirst({ where: { assetId: b } })).toMatchObject({ status: "failed", lastError: "worker stopped during the last attempt" });
  });

  it("the worker refuses to start when a job kind has no handler", async () => {
    expect(() => handlers.handlerRegistry(handlers.JOB_HANDLERS.filter((h) => h.kind !== "thumbnail"))).toThrow(/No handler for job kind\(s\): thumbnail/);
    expect(() => handlers.handlerRegistry()).not.toThrow();
  });

  it("two processes claiming concurrently never double-claim and never surface SQLITE_BUSY", async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => makeAsset(1000 + i)));
    for (const id of ids) await queue.enqueueJob(lib.db, { kind: "thumbnail", assetId: id });
    const script = path.resolve(import.meta.dirname, "../support/claim-all.ts");
    const run = (name: string) =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, name], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`claimer exited ${code}`))));
      });
    const [a, b] = await Promise.all([run("p1"), run("p2")]);
    expect(a.length + b.length).toBe(200);
    expect(new Set([...a, ...b]).size).toBe(200);
    expect(await lib.db.job.count({ where: { status: "done" } })).toBe(200);
  });

  it("interactive transactions in several processes at once wait for each other instead of failing with SQLITE_BUSY", async () => {
    const script = path.resolve(import.meta.dirname, "../support/upsert-loop.ts");
    const run = () =>
      new Promise<void>((resolve, reject) => {
        let errors = "";
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, String(Math.random())], { env: process.env, stdio: ["ignore", "ignore", "pipe"] });
        child.stderr.on("data", (d: Buffer) => (errors += d));
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`upserter exited ${code}: ${errors.slice(0, 500)}`))));
      });
    await Promise.all([run(), run(), run()]);
    expect(await lib.db.album.count({ where: { sourceKey: { startsWith: "test:" } } })).toBe(10);
  });
});
