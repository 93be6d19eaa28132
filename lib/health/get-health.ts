import type { Config } from "@/lib/config";
import { readHeartbeat } from "@/lib/jobs/heartbeat";
import { countJobs, type JobCounts } from "@/lib/jobs/queue";
import { waitingJobKinds } from "@/lib/ml/model-status";
import type { Db } from "@/lib/server/db";
import { egressCounters } from "@/lib/server/egress-guard";

export type Health = {
  ok: boolean;
  version: string;
  db: "ok" | "error";
  worker: { alive: boolean; lastBeat: string | null };
  jobs: JobCounts;
  /** Outbound connections to anything but loopback/allowed ranges, server + worker (0 = nothing left the box). */
  egress: { blocked: number; lastBlocked: string | null };
};

const WORKER_STALE_MS = 20_000;

/** Liveness of the database and the worker (heartbeat), queue totals (jobs waiting for a model apart) and the egress counter. */
export async function getHealth(db: Db, config: Config, version: string, now = new Date()): Promise<Health> {
  const server = egressCounters();
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const [beat, jobs] = await Promise.all([readHeartbeat(db), countJobs(db, await waitingJobKinds(config))]);
    const lastBeat = beat?.at ?? null;
    const alive = lastBeat !== null && now.getTime() - new Date(lastBeat).getTime() < WORKER_STALE_MS;
    const egress = { blocked: server.blocked + (beat?.egress.blocked ?? 0), lastBlocked: server.lastBlocked ?? beat?.egress.lastBlocked ?? null };
    return { ok: alive, version, db: "ok", worker: { alive, lastBeat }, jobs, egress };
  } catch {
    return { ok: false, version, db: "error", worker: { alive: false, lastBeat: null }, jobs: { pending: 0, running: 0, failed: 0, waiting: 0 }, egress: { blocked: server.blocked, lastBlocked: server.lastBlocked } };
  }
}
