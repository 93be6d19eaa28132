import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { TakeoutReport } from "./build-report";
import type { TakeoutProgress } from "./import-takeout";

export type ImportSummary = {
  id: string;
  status: string;
  createdAt: string;
  error: string | null;
  progress: (TakeoutProgress & { rate: number; etaSeconds: number | null }) | null;
  safeToDelete: boolean | null;
  totals: TakeoutReport["totals"] | null;
};

function summarize(run: { id: string; status: string; createdAt: Date; updatedAt: Date; error: string | null; progress: string | null; report: string | null }): ImportSummary {
  const progress = run.progress ? (JSON.parse(run.progress) as TakeoutProgress & { startedAt: string }) : null;
  const seconds = progress ? Math.max(0.001, (new Date(run.updatedAt).getTime() - new Date(progress.startedAt).getTime()) / 1000) : 0;
  const rate = progress ? progress.bytesDone / seconds : 0;
  const report = run.report ? (JSON.parse(run.report) as TakeoutReport) : null;
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    error: run.error,
    progress: progress ? { ...progress, rate, etaSeconds: rate > 0 ? Math.round((progress.bytes - progress.bytesDone) / rate) : null } : null,
    safeToDelete: report?.safeToDelete ?? null,
    totals: report?.totals ?? null,
  };
}

/** Recent Takeout imports with progress (rate, ETA) and outcome. */
export async function listImports(db: Db): Promise<ImportSummary[]> {
  return (await db.importRun.findMany({ orderBy: { createdAt: "desc" }, take: 50 })).map(summarize);
}

/** One import with its full verification report (once done). */
export async function getImport(db: Db, id: string): Promise<ImportSummary & { report: TakeoutReport | null }> {
  const run = await db.importRun.findUnique({ where: { id } });
  if (!run) throw new AppError("not_found", "No such import.");
  return { ...summarize(run), report: run.report ? (JSON.parse(run.report) as TakeoutReport) : null };
}
