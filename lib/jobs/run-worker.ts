import { setTimeout as sleep } from "node:timers/promises";
import type { JobContext, JobHandler } from "@/lib/queue/handler";
import { PermanentJobError } from "@/lib/queue/handler";
import { handlerRegistry } from "./handlers";
import { writeHeartbeat } from "@/lib/queue/heartbeat";
import { jobKind, type JobKind } from "@/lib/queue/kinds";
import { recoverDeadWorkerJobs } from "./recover-dead-worker-jobs";
import { claimJob, completeJob, extendLease, failAbandonedJobs, failJob, type JobRow } from "@/lib/queue/claim";

export type WorkerOptions = {
  workerId: string;
  signal?: AbortSignal;
  /** Stop once no job is runnable (tests, benchmarks); otherwise poll until aborted. */
  untilIdle?: boolean;
  pollMs?: number;
  leaseMs?: number;
  concurrency?: number;
  handlers?: JobHandler[];
};

/**
 * The worker loop: claims jobs with a lease, runs their handler, records success or failure
 * (retry with backoff, or terminal). Resolves when `signal` aborts (after running jobs finish)
 * or, with `untilIdle`, when the queue has nothing runnable.
 */
export async function runWorker(ctx: JobContext, options: WorkerOptions): Promise<void> {
  const registry = handlerRegistry(options.handlers);
  const kinds = runnableKinds(ctx, [...registry.values()]);
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 200;
  const beat = () => writeHeartbeat(ctx.db);
  await beat();
  const heartbeat = setInterval(() => void beat().catch((error: unknown) => ctx.log.warn("heartbeat failed", { error: String(error) })), 5_000);
  const recovered = await recoverDeadWorkerJobs(ctx.db);
  if (recovered > 0) ctx.log.warn("handed back jobs of a worker that stopped mid-job", { jobs: recovered });
  await failAbandonedJobs(ctx.db);
  // Groups (declared `oneAtATime`) with a job running in a lane now: their kinds are not claimed.
  const busyGroups = new Set<string>();
  const running = new Set<number>();
  const lane = async () => {
    while (!options.signal?.aborted) {
      const ready = await kinds();
      const job = await claimJob(ctx.db, options.workerId, leaseMs, ready.filter((kind) => !busyGroups.has(jobKind(kind).oneAtATime ?? "")), running);
      if (!job) {
        if (options.untilIdle) return;
        await sleep(pollMs, undefined, { signal: options.signal }).catch(() => {});
        continue;
      }
      const group = jobKind(job.kind).oneAtATime;
      if (group) busyGroups.add(group);
      running.add(job.id);
      try {
        await runOne(ctx, registry.get(job.kind)!, job, options.workerId, leaseMs);
      } finally {
        running.delete(job.id);
        if (group) busyGroups.delete(group);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 1 }, lane));
  } finally {
    clearInterval(heartbeat);
  }
}

const READINESS_CHECK_MS = 15_000;

/** The kinds whose handler can run now; what a waiting kind lacks is re-checked every 15 s and logged once. */
function runnableKinds(ctx: JobContext, handlers: JobHandler[]): () => Promise<JobKind[]> {
  let checkedAt = 0;
  let ready: JobKind[] = [];
  const reported = new Map<JobKind, string | null>();
  return async () => {
    if (Date.now() - checkedAt < READINESS_CHECK_MS) return ready;
    checkedAt = Date.now();
    const states = await Promise.all(handlers.map(async (h) => [h.kind, h.waitingFor ? await h.waitingFor(ctx) : null] as const));
    for (const [kind, missing] of states) {
      if (reported.get(kind) !== missing && (missing || reported.has(kind))) ctx.log.info(missing ? `${kind} jobs wait: ${missing}` : `${kind} jobs can run now`);
      reported.set(kind, missing);
    }
    ready = states.filter(([, missing]) => !missing).map(([kind]) => kind);
    return ready;
  };
}

async function runOne(ctx: JobContext, handler: JobHandler, job: JobRow, workerId: string, leaseMs: number): Promise<void> {
  const started = Date.now();
  const renew = setInterval(() => void extendLease(ctx.db, job, workerId, leaseMs).catch(() => {}), leaseMs / 3);
  try {
    const payload = jobKind(job.kind).payload.safeParse(JSON.parse(job.payload));
    if (!payload.success) throw new PermanentJobError(`invalid payload: ${payload.error.message}`);
    await handler.run(ctx, job);
    await completeJob(ctx.db, job, workerId);
    ctx.log.debug("job done", { id: job.id, kind: job.kind, assetId: job.assetId, ms: Date.now() - started });
  } catch (error) {
    const permanent = error instanceof PermanentJobError;
    const outcome = await failJob(ctx.db, job, workerId, error, permanent);
    ctx.log[permanent ? "info" : "warn"](`job ${outcome === "failed" ? "failed" : "will retry"}`, {
      id: job.id,
      kind: job.kind,
      assetId: job.assetId,
      attempt: job.attempts,
      error: (error as Error).message,
    });
  } finally {
    clearInterval(renew);
  }
}
