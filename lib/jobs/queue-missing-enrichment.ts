import type { EnrichmentKind } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import { enrichmentJobs, jobKind } from "@/lib/queue/kinds";
import { queueJobsForAssets } from "@/lib/queue/enqueue";

/**
 * Queues the enrichment jobs a (not trashed) asset with thumbnails should have but has never had
 * (a library from before search existed, or a newly enabled kind): one statement per kind, never
 * touching an existing job; and the text reading of text files stored before their words were
 * searched (Drive imports, Files uploads). Run at worker start; returns how many were queued.
 */
export async function queueMissingEnrichment(db: Db, enabled: readonly EnrichmentKind[]): Promise<number> {
  let queued = 0;
  for (const assetKind of ["photo", "video"]) {
    for (const kind of enrichmentJobs(assetKind, enabled)) {
      const where = `a."kind" = '${assetKind}' AND a."trashedAt" IS NULL AND EXISTS (SELECT 1 FROM "Derivative" d WHERE d."assetId" = a."id" AND d."kind" = 'thumb-md')`;
      queued += await queueJobsForAssets(db, kind, where, { rearm: false });
    }
  }
  const textFiles = `a."kind" = 'file' AND a."trashedAt" IS NULL AND ${jobKind("document-text").appliesTo}`;
  return queued + (await queueJobsForAssets(db, "document-text", textFiles, { rearm: false }));
}
