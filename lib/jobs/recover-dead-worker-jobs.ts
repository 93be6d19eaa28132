import type { Db } from "@/lib/server/db";
import { retryDelayMs } from "@/lib/queue/claim";
import { workerProcessGone } from "./worker-id";

/**
 * Hands back, without waiting for their lease, the running jobs of worker processes of this
 * machine that are gone: killed by the supervisor because a job stalled the event loop, crashed,
 * or out of memory. That attempt counts as a failure: the job is retried after the usual backoff
 * (other jobs run first) and failed for good once it was its last attempt, so a file that stalls
 * the worker costs at most `maxAttempts` stalls. Returns how many jobs it handed back.
 */
export async function recoverDeadWorkerJobs(db: Db, isGone: (workerId: string) => boolean = workerProcessGone): Promise<number> {
  const running = await db.job.findMany({ where: { status: "running" }, select: { id: true, attempts: true, maxAttempts: true, leasedBy: true } });
  let recovered = 0;
  for (const job of running) {
    if (!job.leasedBy || !isGone(job.leasedBy)) continue;
    const last = job.attempts >= job.maxAttempts;
    const lastError = `the worker stopped during attempt ${job.attempts} of ${job.maxAttempts} (stalled, crashed or ran out of memory)`;
    const { count } = await db.job.updateMany({
      where: { id: job.id, status: "running", leasedBy: job.leasedBy },
      data: last
        ? { status: "failed", lastError, finishedAt: new Date(), leaseUntil: null }
        : { status: "pending", lastError, runAfter: new Date(Date.now() + retryDelayMs(job.attempts)), leaseUntil: null, leasedBy: null },
    });
    recovered += count;
  }
  return recovered;
}
