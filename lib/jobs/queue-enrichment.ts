import type { EnrichmentKind } from "@/lib/config";
import type { DbTx } from "@/lib/server/db";
import { enrichmentJobs, type JobKind } from "@/lib/queue/kinds";
import { enqueueJob } from "@/lib/queue/enqueue";

/** The enrichment that reads the md thumbnail: new thumbnails mean it is run again. */
const READS_THUMBNAIL: JobKind[] = ["clip", "faces", "caption"];

/**
 * Queues the search enrichment of an asset whose thumbnails now exist: kinds that read the
 * thumbnail are re-armed (a re-rendered thumbnail is new input), the others (OCR reads the
 * original, places the GPS position) only queued when they never ran.
 */
export async function queueEnrichment(db: DbTx, asset: { id: string; kind: string }, enabled: readonly EnrichmentKind[]): Promise<void> {
  for (const kind of enrichmentJobs(asset.kind, enabled)) await enqueueJob(db, { kind, assetId: asset.id, rearm: READS_THUMBNAIL.includes(kind) });
}
