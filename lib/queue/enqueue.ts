import type { Db, DbTx } from "@/lib/server/db";
import { sqlTime } from "@/lib/server/db";
import { jobKind, type JobKind } from "./kinds";

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
    priority: jobKind(kind).priority,
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
    kind, jobKey(kind, ""), jobKind(kind).priority, now, now, now,
  );
}

/** Queues a job about something other than one asset (a Takeout import), keyed by its subject. */
export async function queueTask(db: Db, options: { kind: JobKind; subject: string; payload: Record<string, unknown>; maxAttempts?: number }): Promise<void> {
  await db.job.create({
    data: { kind: options.kind, key: jobKey(options.kind, options.subject), payload: JSON.stringify(options.payload), priority: jobKind(options.kind).priority, maxAttempts: options.maxAttempts ?? 5 },
  });
}
