// The jobs of a worker process that died mid-job (killed by the supervisor's watchdog, crashed,
// out of memory) are handed back at start without waiting for their lease: retried after the
// usual backoff, failed for good on their last attempt; a live worker's jobs are left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
beforeAll(async () => {
  lib = await createTestLibrary();
});
afterAll(async () => lib?.cleanup());

describe("recoverDeadWorkerJobs", () => {
  it("requeues with backoff, fails on the last attempt, and leaves live workers' jobs", async () => {
    const { recoverDeadWorkerJobs } = await import("@/lib/jobs/recover-dead-worker-jobs");
    const lease = new Date(Date.now() + 120_000);
    const job = (key: string, leasedBy: string, attempts: number) =>
      lib.db.job.create({ data: { kind: "takeout-import", key, status: "running", attempts, maxAttempts: 3, leasedBy, leaseUntil: lease } });
    const retried = await job("a", "box:1:dead", 1);
    const failed = await job("b", "box:1:dead", 3);
    const live = await job("c", "box:2:live", 1);
    const before = Date.now();
    expect(await recoverDeadWorkerJobs(lib.db, (id) => id.endsWith(":dead"))).toBe(2);
    const rows = new Map((await lib.db.job.findMany()).map((row) => [row.id, row]));
    expect(rows.get(retried.id)).toMatchObject({ status: "pending", leasedBy: null, leaseUntil: null, lastError: expect.stringMatching(/worker stopped during attempt 1 of 3/) });
    expect(rows.get(retried.id)!.runAfter.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    expect(rows.get(failed.id)).toMatchObject({ status: "failed", lastError: expect.stringMatching(/attempt 3 of 3/) });
    expect(rows.get(live.id)).toMatchObject({ status: "running", leasedBy: "box:2:live" });
  });

  it("recognises a gone process of this machine by the worker id", async () => {
    const { newWorkerId, workerProcessGone } = await import("@/lib/jobs/worker-id");
    expect(workerProcessGone(newWorkerId())).toBe(false);
    const [host] = newWorkerId().split(":");
    expect(workerProcessGone(`${host}:2147483646:x`)).toBe(true);
    expect(workerProcessGone("other-host:2147483646:x")).toBe(false);
    expect(workerProcessGone("test-worker")).toBe(false);
  });
});
