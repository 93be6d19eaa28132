import type { EnrichmentKind } from "@/lib/config";
import type { DbTx } from "@/lib/server/db";
import { enrichmentJobs } from "./kinds";
import { enqueueJob } from "./queue";

/** Queues (or re-arms) the search enrichment of an asset whose thumbnails now exist. */
export async function queueEnrichment(db: DbTx, asset: { id: string; kind: string }, enabled: readonly EnrichmentKind[]): Promise<void> {
  for (const kind of enrichmentJobs(asset.kind, enabled)) await enqueueJob(db, { kind, assetId: asset.id });
}
