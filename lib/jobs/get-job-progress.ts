import type { Config } from "@/lib/config";
import { modelStatus } from "@/lib/ml/model-status";
import { type Db, sqlTime } from "@/lib/server/db";
import { JOB_KINDS, type JobKind } from "@/lib/queue/kinds";

export type JobKindProgress = {
  kind: JobKind;
  pending: number;
  running: number;
  done: number;
  failed: number;
  /** Jobs finished per minute over the last 10 minutes. */
  perMinute: number;
  /** Seconds until the queue of this kind is empty at that rate (null when idle or stalled). */
  etaSeconds: number | null;
  /** Why this kind's pending jobs cannot run yet (its model is missing), with how to get it; null when they can. */
  waitingFor: string | null;
  /** How far the running job of this kind is, for long jobs that report it (video renditions). */
  current: { fraction: number; etaSeconds: number } | null;
};
export type JobFailure = { id: number; kind: string; assetId: string | null; attempts: number; lastError: string | null; finishedAt: string | null };

const RATE_WINDOW_MS = 10 * 60_000;

/** Per job kind: queue counts, recent throughput, ETA and what it waits for; plus the latest failures (for retry). */
export async function getJobProgress(db: Db, config: Config, now = new Date()): Promise<{ kinds: JobKindProgress[]; failures: JobFailure[] }> {
  const models = await modelStatus(config);
  const since = sqlTime(new Date(now.getTime() - RATE_WINDOW_MS));
  const [counts, recent, failures, reporting] = await Promise.all([
    db.job.groupBy({ by: ["kind", "status"], _count: { _all: true } }),
    db.$queryRawUnsafe<{ kind: string; n: bigint | number }[]>(`SELECT kind, count(*) AS n FROM "Job" WHERE status = 'done' AND finishedAt >= ? GROUP BY kind`, since),
    db.job.findMany({ where: { status: "failed" }, orderBy: { finishedAt: "desc" }, take: 50, select: { id: true, kind: true, assetId: true, attempts: true, lastError: true, finishedAt: true } }),
    db.job.findMany({ where: { status: "running", progress: { not: null } }, select: { kind: true, progress: true } }),
  ]);
  const count = (kind: string, status: string) => counts.find((c) => c.kind === kind && c.status === status)?._count._all ?? 0;
  const kinds = JOB_KINDS.map((kind) => {
    const perMinute = Number(recent.find((r) => r.kind === kind)?.n ?? 0) / (RATE_WINDOW_MS / 60_000);
    const left = count(kind, "pending") + count(kind, "running");
    const model = models.find((m) => m.kind === kind && !m.present);
    return {
      kind, pending: count(kind, "pending"), running: count(kind, "running"), done: count(kind, "done"), failed: count(kind, "failed"),
      perMinute, etaSeconds: left > 0 && perMinute > 0 ? Math.round((left / perMinute) * 60) : null,
      waitingFor: model ? `model ${model.missing} — ${model.howToGet}` : null,
      current: currentProgress(reporting.find((r) => r.kind === kind)?.progress ?? null),
    };
  });
  return { kinds, failures: failures.map((f) => ({ ...f, finishedAt: f.finishedAt?.toISOString() ?? null })) };
}

function currentProgress(json: string | null): JobKindProgress["current"] {
  if (!json) return null;
  const { fraction, etaSeconds } = JSON.parse(json) as { fraction: number; etaSeconds: number };
  return { fraction, etaSeconds };
}
