import { z } from "zod";
import { type Db, sqlTime } from "@/lib/server/db";
import { JOB_PRIORITY, type JobKind } from "./kinds";

/** The asset kinds each re-runnable job applies to (a Takeout import is not re-run from here). */
const APPLIES_TO: Record<Exclude<JobKind, "takeout-import">, string> = {
  thumbnail: `a."kind" = 'photo'`,
  "video-poster": `a."kind" = 'video'`,
  "motion-video": `a."kind" = 'photo' AND (a."mimeType" = 'image/jpeg' OR a."mimeType" LIKE 'image/hei%')`,
  "document-text": `a."kind" = 'document'`,
  places: `a."kind" IN ('photo', 'video')`,
  clip: `a."kind" IN ('photo', 'video')`,
  caption: `a."kind" IN ('photo', 'video')`,
  ocr: `a."kind" = 'photo'`,
  faces: `a."kind" = 'photo'`,
};
type Rerunnable = keyof typeof APPLIES_TO;

export const rerunJobsBody = z.object({ kind: z.enum(Object.keys(APPLIES_TO) as [Rerunnable, ...Rerunnable[]]) });

/**
 * Re-runs one kind of job over the whole library (reindex after a model upgrade): one statement
 * queues a job for every asset it applies to, re-arming existing ones (the job key keeps it
 * idempotent), so 100k assets do not mean 100k round trips. Trashed assets are skipped.
 */
export async function rerunJobs(db: Db, body: z.infer<typeof rerunJobsBody>): Promise<{ queued: number }> {
  const now = sqlTime(new Date());
  const queued = await db.$executeRawUnsafe(
    `INSERT INTO "Job" ("kind", "key", "assetId", "payload", "status", "priority", "attempts", "maxAttempts", "runAfter", "createdAt", "updatedAt")
     SELECT ?, ? || ':' || a."id", a."id", '{}', 'pending', ?, 0, 5, ?, ?, ? FROM "Asset" a
     WHERE a."trashedAt" IS NULL AND ${APPLIES_TO[body.kind]}
     ON CONFLICT ("key") DO UPDATE SET status = 'pending', attempts = 0, runAfter = excluded.runAfter, lastError = NULL, leaseUntil = NULL, leasedBy = NULL, finishedAt = NULL, updatedAt = excluded.updatedAt`,
    body.kind, body.kind, JOB_PRIORITY[body.kind], now, now, now,
  );
  return { queued };
}
