import type { Db, DbTx } from "@/lib/server/db";
import { sqlTime } from "@/lib/server/db";
import { JOB_PRIORITY, type JobKind } from "./kinds";

export type JobRow = {
  id: number;
  kind: JobKind;
  key: string;
  assetId: string | null;
  payload: string;
  attempts: number;
  maxAttempts: number;
};

export type EnqueueOptions = { kind: JobKind; assetId: string; payload?: Record<string, unknown>; delayMs?: number };

/** The idempotency key of a job: one live job per (kind, subject) — the subject is usually an asset id. */
export function jobKey(kind: JobKind, subject: string): string {
  return `${kind}:${subject}`;
}

/** Builds the Prisma create for a job, nested under its asset (used in the ingest insert). */
export function jobCreateData({ kind, assetId, payload = {}, delayMs = 0 }: EnqueueOptions) {
  return {
    kind,
    key: jobKey(kind, assetId),
    payload: JSON.stringify(payload),
    priority: JOB_PRIORITY[kind],
    runAfter: new Date(Date.now() + delayMs),
  };
}

/** Queues a job, or re-arms an existing one with the same key (re-run; `rearm: false` leaves it as it is): idempotent. */
export async function enqueueJob(db: DbTx, options: EnqueueOptions & { rearm?: boolean }): Promise<void> {
  const data = jobCreateData(options);
  await db.job.upsert({
    where: { key: data.key },
    create: { ...data, assetId: options.assetId },
    update: options.rearm === false ? {} : { status: "pending", attempts: 0, runAfter: data.runAfter, lastError: null, leaseUntil: null, leasedBy: null, finishedAt: null },
  });
}

/**
 * Queues a job of `kind` for every asset matching `where` (SQL on `"Asset" a`, trusted text) in one
 * statement, keyed like jobKey; with `rearm` an existing job is re-armed, else left alone.
 * Returns the rows written.
 */
export async function queueJobsForAssets(db: Db, kind: JobKind, where: string, options: { rearm: boolean }): Promise<number> {
  const now = sqlTime(new Date());
  return db.$executeRawUnsafe(
    `INSERT INTO "Job" ("kind", "key", "assetId", "payload", "status", "priority", "attempts", "maxAttempts", "runAfter", "createdAt", "updatedAt")
     SELECT ?, ? || a."id", a."id", '{}', 'pending', ?, 0, 5, ?, ?, ? FROM "Asset" a WHERE ${where}
     ON CONFLICT ("key") DO ${options.rearm ? `UPDATE SET status = 'pending', attempts = 0, runAfter = excluded.runAfter, lastError = NULL, leaseUntil = NULL, leasedBy = NULL, finishedAt = NULL, updatedAt = excluded.updatedAt` : "NOTHING"}`,
    kind, jobKey(kind, ""), JOB_PRIORITY[kind], now, now, now,
  );
}

/** Queues a job about something other than one asset (a Takeout import), keyed by its subject. */
export async function queueTask(db: Db, options: { kind: JobKind; subject: string; payload: Record<string, unknown>; maxAttempts?: number }): Promise<void> {
  await db.job.create({
    data: { kind: options.kind, key: jobKey(options.kind, options.subject), payload: JSON.stringify(options.payload), priority: JOB_PRIORITY[options.kind], maxAttempts: options.maxAttempts ?? 5 },
  });
}

/**
 * Claims the next runnable job in one `UPDATE … RETURNING` statement (atomic across processes):
 * pending jobs that are due, or running jobs whose lease expired (their worker died).
 */
export async function claimJob(db: Db, workerId: string, leaseMs: number, kinds: readonly JobKind[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const now = new Date();
  const placeholders = kinds.map(() => "?").join(",");
  const rows = await db.$queryRawUnsafe<JobRow[]>(
    `UPDATE "Job" SET status = 'running', attempts = attempts + 1, leasedBy = ?, leaseUntil = ?, updatedAt = ?
     WHERE id = (
       SELECT id FROM "Job"
       WHERE kind IN (${placeholders}) AND attempts < maxAttempts
         AND ((status = 'pending' AND runAfter <= ?) OR (status = 'running' AND leaseUntil < ?))
       ORDER BY priority ASC, runAfter ASC, id ASC LIMIT 1)
     RETURNING id, kind, key, assetId, payload, attempts, maxAttempts`,
    workerId,
    sqlTime(new Date(now.getTime() + leaseMs)),
    sqlTime(now),
    ...kinds,
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

/** Queue totals; `waiting` are pending jobs of kinds that cannot run yet (their model is missing). */
export type JobCounts = { pending: number; running: number; failed: number; waiting: number };

/** Queue totals for health and admin; pending jobs of `waitingKinds` are counted as waiting. */
export async function countJobs(db: Db, waitingKinds: readonly JobKind[] = []): Promise<JobCounts> {
  const groups = await db.job.groupBy({ by: ["status", "kind"], _count: { _all: true } });
  const count = (match: (g: { status: string; kind: string }) => boolean) => groups.filter(match).reduce((sum, g) => sum + g._count._all, 0);
  const waiting = (kind: string) => (waitingKinds as readonly string[]).includes(kind);
  return {
    pending: count((g) => g.status === "pending" && !waiting(g.kind)),
    running: count((g) => g.status === "running"),
    failed: count((g) => g.status === "failed"),
    waiting: count((g) => g.status === "pending" && waiting(g.kind)),
  };
}
