import type { Config } from "@/lib/config";
import { countJobs, type JobCounts } from "@/lib/queue/count-jobs";
import { waitingJobKinds } from "@/lib/ml/model-status";
import type { Db } from "@/lib/server/db";
import { egressCounters } from "@/lib/server/egress-guard";
import { readWorkerState } from "./read-worker-state";

export type Health = {
  ok: boolean;
  version: string;
  db: "ok" | "error";
  worker: { alive: boolean; lastBeat: string | null };
  jobs: JobCounts;
  /** Outbound connections to anything but loopback/allowed ranges, server + worker (0 = nothing left the box). */
  egress: { blocked: number; lastBlocked: string | null };
};

/** Liveness of the database and the worker (heartbeat), queue totals (jobs waiting for a model apart) and the egress counter. */
export async function getHealth(db: Db, config: Config, version: string, now = new Date()): Promise<Health> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const [{ worker, egress }, jobs] = await Promise.all([readWorkerState(db, now), countJobs(db, await waitingJobKinds(config))]);
    return { ok: worker.alive, version, db: "ok", worker, jobs, egress };
  } catch {
    const server = egressCounters();
    return { ok: false, version, db: "error", worker: { alive: false, lastBeat: null }, jobs: { pending: 0, running: 0, failed: 0, waiting: 0 }, egress: { blocked: server.blocked, lastBlocked: server.lastBlocked } };
  }
}
