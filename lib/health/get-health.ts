import { countJobs, type JobCounts } from "@/lib/jobs/queue";
import { HEARTBEAT_KEY } from "@/lib/jobs/heartbeat";
import type { Db } from "@/lib/server/db";

export type Health = {
  ok: boolean;
  version: string;
  db: "ok" | "error";
  worker: { alive: boolean; lastBeat: string | null };
  jobs: JobCounts;
};

const WORKER_STALE_MS = 20_000;

/** Liveness of the database and the worker (heartbeat), and queue totals. */
export async function getHealth(db: Db, version: string, now = new Date()): Promise<Health> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    const [beat, jobs] = await Promise.all([db.setting.findUnique({ where: { key: HEARTBEAT_KEY } }), countJobs(db)]);
    const lastBeat = beat?.value ?? null;
    const alive = lastBeat !== null && now.getTime() - new Date(lastBeat).getTime() < WORKER_STALE_MS;
    return { ok: alive, version, db: "ok", worker: { alive, lastBeat }, jobs };
  } catch {
    return { ok: false, version, db: "error", worker: { alive: false, lastBeat: null }, jobs: { pending: 0, running: 0, failed: 0 } };
  }
}
