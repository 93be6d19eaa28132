import type { Db } from "@/lib/server/db";
import { sqlTime } from "@/lib/server/db";
import type { JobKind } from "./kinds";

export type JobRow = {
  id: number;
  kind: JobKind;
  key: string;
  assetId: string | null;
  payload: string;
  attempts: number;
  maxAttempts: number;
};

/**
 * Claims the next runnable job in one `UPDATE … RETURNING` statement (atomic across processes):
 * pending jobs that are due, or running jobs whose lease expired (their worker died). Jobs in
 * `running` (ids this worker is running now) are skipped: one re-armed while it runs (an owner's
 * second edit) waits for that run to end, then runs again, instead of racing it in another lane.
 */
export async function claimJob(db: Db, workerId: string, leaseMs: number, kinds: readonly JobKind[], running: ReadonlySet<number> = new Set()): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const now = new Date();
  const placeholders = kinds.map(() => "?").join(",");
  const busy = running.size > 0 ? `AND id NOT IN (${[...running].map(() => "?").join(",")})` : "";
  const rows = await db.$queryRawUnsafe<JobRow[]>(
    `UPDATE "Job" SET status = 'running', attempts = attempts + 1, leasedBy = ?, leaseUntil = ?, updatedAt = ?
     WHERE id = (
       SELECT id FROM "Job"
       WHERE kind IN (${placeholders}) AND attempts < maxAttempts ${busy}
         AND ((status = 'pending' AND runAfter <= ?) OR (status = 'running' AND leaseUntil < ?))
       ORDER BY priority ASC, runAfter ASC, id ASC LIMIT 1)
     RETURNING id, kind, key, assetId, payload, attempts, maxAttempts`,
    workerId,
    sqlTime(new Date(now.getTime() + leaseMs)),
    sqlTime(now),
    ...kinds,
    ...running,
    sqlTime(now),
    sqlTime(now),
  );
  const row = rows[0];
  return row ? { ...row, id: Number(row.id), attempts: Number(row.attempts), maxAttempts: Number(row.maxAttempts) } : null;
}

/** Marks a claimed job done (only if this worker still holds it). */
export async function completeJob(db: Db, job: JobRow, workerId: string): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, leasedBy: workerId, status: "running" },
    data: { status: "done", finishedAt: new Date(), leaseUntil: null, lastError: null },
  });
}

/** Backoff before retry n (1-based): 5 s, 20 s, 80 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(3_600_000, 5_000 * 4 ** Math.max(0, attempt - 1));
}

/** Records a failure: retried later with backoff, or failed for good (permanent or out of attempts). */
export async function failJob(db: Db, job: JobRow, workerId: string, error: unknown, permanent: boolean): Promise<"retry" | "failed"> {
  const message = error instanceof Error ? error.message : String(error);
  const terminal = permanent || job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, leasedBy: workerId, status: "running" },
    data: terminal
      ? { status: "failed", lastError: message.slice(0, 2000), finishedAt: new Date(), leaseUntil: null }
      : { status: "pending", lastError: message.slice(0, 2000), runAfter: new Date(Date.now() + retryDelayMs(job.attempts)), leaseUntil: null },
  });
  return terminal ? "failed" : "retry";
}

/** Fails jobs whose worker died on their last allowed attempt (they can no longer be claimed). */
export async function failAbandonedJobs(db: Db): Promise<number> {
  const now = sqlTime(new Date());
  return db.$executeRawUnsafe(
    `UPDATE "Job" SET status = 'failed', lastError = 'worker stopped during the last attempt', finishedAt = ?, leaseUntil = NULL
     WHERE status = 'running' AND leaseUntil < ? AND attempts >= maxAttempts`,
    now,
    now,
  );
}

/**
 * At start, before any worker runs, jobs still marked running belong to a worker that died with
 * the previous run: hand them back now instead of waiting for their lease (the attempt counts).
 */
export async function recoverInterruptedJobs(db: Db): Promise<number> {
  const now = new Date();
  const [requeued, failed] = await db.$transaction([
    db.job.updateMany({ where: { status: "running", attempts: { lt: db.job.fields.maxAttempts } }, data: { status: "pending", leaseUntil: null, leasedBy: null, runAfter: now } }),
    db.job.updateMany({ where: { status: "running" }, data: { status: "failed", leaseUntil: null, lastError: "worker stopped during the last attempt", finishedAt: now } }),
  ]);
  return requeued.count + failed.count;
}

/** Extends the lease of a long-running job. */
export async function extendLease(db: Db, job: JobRow, workerId: string, leaseMs: number): Promise<void> {
  await db.job.updateMany({ where: { id: job.id, leasedBy: workerId, status: "running" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } });
}
