// A job that blocks the worker's event loop (a hostile file the scans or parsers got wrong) with the
// real processes: the supervisor's watchdog kills the silent worker and restarts it, the job is
// failed after its attempts (each stall is one), never retried forever, and the other jobs run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "@/lib/server/logger";
import { type Supervisor, supervise } from "@/lib/server/supervise";
import { pollFor } from "../support/poll";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let supervisor: Supervisor | undefined;
beforeAll(async () => {
  lib = await createTestLibrary({ ALBUMS_WORKER_STALL_SECONDS: "4", ALBUMS_ENRICHMENT: "none", ALBUMS_BACKUP_EVERY_HOURS: "0" });
});
afterAll(async () => {
  await supervisor?.stop("SIGKILL");
  await lib?.cleanup();
});

async function addPhotoWithThumbnailJob(name: string, maxAttempts = 5): Promise<string> {
  const asset = await lib.db.asset.create({
    data: { id: `asset-${name}`, sha256: Buffer.from(name).toString("hex").padEnd(64, "0"), kind: "photo", mimeType: "image/png", ext: "png", size: 1n, originalName: name, source: "api", capturedAt: new Date(), capturedAtSource: "upload" },
  });
  await lib.db.job.create({ data: { kind: "thumbnail", key: `thumbnail:${asset.id}`, assetId: asset.id, maxAttempts } });
  return asset.id;
}

describe("a job that stalls the worker", () => {
  it("gets the worker killed and restarted, fails after its attempts, and the other jobs run", async () => {
    const stalled = await addPhotoWithThumbnailJob("stall.png", 2);
    const others = await Promise.all(["a.png", "b.png", "c.png", "d.png"].map((name) => addPhotoWithThumbnailJob(name)));
    const messages: string[] = [];
    const record = (message: string) => void messages.push(message);
    const log: Logger = { debug: record, info: record, warn: record, error: record };
    supervisor = supervise([{ name: "worker", command: process.execPath, args: ["--conditions=react-server", "--import", "tsx", "tests/support/stalling-worker.ts"], restart: true, watchdog: true }], log, 2_000);

    const job = await pollFor(async () => {
      const row = await lib.db.job.findFirstOrThrow({ where: { assetId: stalled } });
      return row.status === "failed" ? row : undefined;
    }, "the stalling job to fail", 200_000);
    expect(job.attempts).toBe(2);
    expect(job.lastError).toMatch(/worker stopped during attempt 2 of 2/);
    // Each attempt stalled the worker and got it killed (a busy test box may add a kill while it starts).
    expect(messages.filter((m) => /worker stalled \(no sign of life for 4s\); killing it/.test(m)).length).toBeGreaterThanOrEqual(2);
    expect(messages.filter((m) => /worker exited \(SIGKILL\); restarting/.test(m)).length).toBeGreaterThanOrEqual(2);
    const done = await pollFor(async () => {
      const rows = await lib.db.job.findMany({ where: { assetId: { in: others } } });
      return rows.every((row) => row.status === "done") ? rows : undefined;
    }, "the other jobs", 90_000);
    expect(done.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  }, 240_000);
});
