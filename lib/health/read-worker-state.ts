import { readHeartbeat } from "@/lib/queue/heartbeat";
import type { Db } from "@/lib/server/db";
import { egressCounters } from "@/lib/server/egress-guard";

/** How long without a heartbeat before the worker counts as down. */
const WORKER_STALE_MS = 20_000;

export type WorkerState = {
  worker: { alive: boolean; lastBeat: string | null };
  /** Outbound connections blocked by this process and the worker (from its heartbeat). */
  egress: { blocked: number; lastBlocked: string | null };
};

/** The worker's liveness (heartbeat age) and the egress counters of this process plus the worker's. */
export async function readWorkerState(db: Db, now = new Date()): Promise<WorkerState> {
  const beat = await readHeartbeat(db);
  const server = egressCounters();
  const lastBeat = beat?.at ?? null;
  return {
    worker: { alive: lastBeat !== null && now.getTime() - new Date(lastBeat).getTime() < WORKER_STALE_MS, lastBeat },
    egress: { blocked: server.blocked + (beat?.egress.blocked ?? 0), lastBlocked: server.lastBlocked ?? beat?.egress.lastBlocked ?? null },
  };
}
