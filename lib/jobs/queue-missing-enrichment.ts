import type { EnrichmentKind } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import { enrichmentJobs } from "@/lib/queue/kinds";
import { queueJobsForAssets } from "@/lib/queue/enqueue";

/**
 * Queues the enrichment jobs a (not trashed) asset with thumbnails should have but has never had
 * (a library from before search existed, or a newly enabled kind): one statement per kind, never
 * touching an existing job. Run at worker start; returns how many were queued.
 */
export async function queueMissingEnrichment(db: Db, enabled: readonly EnrichmentKind[]): Promise<number> {
  let queued = 0;
  for (const assetKind of ["photo", "video"]) {
    for (const kind of enrichmentJobs(assetKind, enabled)) {
      const where = `a."kind" = '${assetKind}' AND a."trashedAt" IS NULL AND EXISTS (SELECT 1 FROM "Derivative" d WHERE d."assetId" = a."id" AND d."kind" = 'thumb-md')`;
      queued += await queueJobsForAssets(db, kind, where, { rearm: false });
    }
  }
  return queued;
}
