import type { EnrichmentKind } from "@/lib/config";
import { type Db, sqlTime } from "@/lib/server/db";
import { enrichmentJobs, JOB_PRIORITY } from "./kinds";

/**
 * Queues the enrichment jobs an asset with thumbnails should have but has never had (a library
 * from before search existed, or a new enrichment kind): one INSERT … SELECT per kind, keyed so
 * that it never duplicates a job. Run at worker start; returns how many were queued.
 */
export async function queueMissingEnrichment(db: Db, enabled: readonly EnrichmentKind[]): Promise<number> {
  const now = sqlTime(new Date());
  let queued = 0;
  for (const assetKind of ["photo", "video"]) {
    for (const kind of enrichmentJobs(assetKind, enabled)) {
      queued += await db.$executeRawUnsafe(
        `INSERT INTO "Job" ("kind", "key", "assetId", "payload", "status", "priority", "attempts", "maxAttempts", "runAfter", "createdAt", "updatedAt")
         SELECT ?, ? || a."id", a."id", '{}', 'pending', ?, 0, 5, ?, ?, ?
         FROM "Asset" a
         WHERE a."kind" = ? AND EXISTS (SELECT 1 FROM "Derivative" d WHERE d."assetId" = a."id" AND d."kind" = 'thumb-md')
           AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."key" = ? || a."id")`,
        kind, `${kind}:`, JOB_PRIORITY[kind], now, now, now, assetKind, `${kind}:`,
      );
    }
  }
  return queued;
}
