import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { queueJobsForAssets } from "@/lib/queue/enqueue";
import { JOB_KINDS, jobKind, type JobKind } from "@/lib/queue/kinds";

/** The kinds that apply to assets (a Takeout import is not re-run from here). */
const RERUNNABLE = JOB_KINDS.filter((kind) => jobKind(kind).appliesTo !== null) as [JobKind, ...JobKind[]];

export const rerunJobsBody = z.object({ kind: z.enum(RERUNNABLE), assetId: z.string().regex(/^[\w-]{1,100}$/).optional() });

/**
 * Re-runs one kind of job over the whole library (reindex after a model upgrade), or for one asset:
 * one statement queues a job for every asset the kind applies to, re-arming existing ones (the job
 * key keeps it idempotent), so 100k assets do not mean 100k round trips. Trashed assets are skipped.
 */
export async function rerunJobs(db: Db, body: z.infer<typeof rerunJobsBody>): Promise<{ queued: number }> {
  const one = body.assetId ? ` AND a."id" = '${body.assetId}'` : "";
  return { queued: await queueJobsForAssets(db, body.kind, `a."trashedAt" IS NULL AND ${jobKind(body.kind).appliesTo}${one}`, { rearm: true }) };
}
