import type { Db } from "@/lib/server/db";
import type { JobKind } from "./kinds";

/** Queue totals; `waiting` are pending jobs of kinds that cannot run yet (their model is missing). */
export type JobCounts = { pending: number; running: number; failed: number; waiting: number };

/** Queue totals for health and admin; pending jobs of `waitingKinds` are counted as waiting. */
export async function countJobs(db: Db, waitingKinds: readonly JobKind[] = []): Promise<JobCounts> {
  const groups = await db.job.groupBy({ by: ["status", "kind"], _count: { _all: true } });
  const count = (match: (g: { status: string; kind: string }) => boolean) => groups.filter(match).reduce((sum, g) => sum + g._count._all, 0);
  const waiting = (kind: string) => (waitingKinds as readonly string[]).includes(kind);
  return {
    pending: count((g) => g.status === "pending" && !waiting(g.kind)),
    running: count((g) => g.status === "running"),
    failed: count((g) => g.status === "failed"),
    waiting: count((g) => g.status === "pending" && waiting(g.kind)),
  };
}
