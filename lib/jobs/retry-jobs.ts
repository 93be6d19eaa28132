import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { inBatches, total } from "@/lib/server/in-batches";
import { JOB_KINDS } from "@/lib/queue/kinds";

export const retryJobsBody = z.union([z.object({ ids: z.array(z.number().int().positive()).min(1).max(10_000) }), z.object({ kind: z.enum(JOB_KINDS).optional() })]);

/** Gives failed jobs (these ids, one kind, or all) a fresh set of attempts, to run now. */
export async function retryJobs(db: Db, body: z.infer<typeof retryJobsBody>): Promise<{ retried: number }> {
  const data = { status: "pending", attempts: 0, runAfter: new Date(), lastError: null, leaseUntil: null, leasedBy: null, finishedAt: null };
  if ("ids" in body) {
    const batches = await db.$transaction((tx) => inBatches(body.ids, (batch) => tx.job.updateMany({ where: { status: "failed", id: { in: batch } }, data })));
    return { retried: total(batches) };
  }
  const { count } = await db.job.updateMany({ where: { status: "failed", ...(body.kind ? { kind: body.kind } : {}) }, data });
  return { retried: count };
}
