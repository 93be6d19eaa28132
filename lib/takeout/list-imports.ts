import { readOffDiskCoverage, type OffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { applyCustodyVerdict } from "./apply-custody-verdict";
import type { TakeoutReport } from "./build-report";
import type { TakeoutProgress } from "./import-takeout";

export type ImportSummary = {
  id: string;
  status: string;
  createdAt: string;
  error: string | null;
  progress: (TakeoutProgress & { rate: number; etaSeconds: number | null }) | null;
  safeToDelete: boolean | null;
  /** Every entry accounted for (the verdict without custody). */
  accounted: boolean | null;
  totals: TakeoutReport["totals"] | null;
};

type Deps = { db: Db; paths: LibraryPaths; config: Config };
type RunRow = { id: string; status: string; createdAt: Date; updatedAt: Date; error: string | null; progress: string | null; report: string | null };

/** The stored report with its custody verdict brought up to date (backups land after the import). */
const currentReport = (run: RunRow, coverage: OffDiskCoverage) => (run.report ? applyCustodyVerdict(JSON.parse(run.report) as TakeoutReport, coverage) : null);

function summarize(run: RunRow, report: TakeoutReport | null): ImportSummary {
  const progress = run.progress ? (JSON.parse(run.progress) as TakeoutProgress & { startedAt: string }) : null;
  const seconds = progress ? Math.max(0.001, (new Date(run.updatedAt).getTime() - new Date(progress.startedAt).getTime()) / 1000) : 0;
  const rate = progress ? progress.bytesDone / seconds : 0;
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt.toISOString(),
    error: run.error,
    progress: progress ? { ...progress, rate, etaSeconds: rate > 0 ? Math.round((progress.bytes - progress.bytesDone) / rate) : null } : null,
    safeToDelete: report?.safeToDelete ?? null,
    accounted: report?.accounted ?? null,
    totals: report?.totals ?? null,
  };
}

/** Recent Takeout imports with progress (rate, ETA) and outcome (custody as of now). */
export async function listImports(deps: Deps): Promise<ImportSummary[]> {
  const coverage = await readOffDiskCoverage(deps);
  return (await deps.db.importRun.findMany({ orderBy: { createdAt: "desc" }, take: 50 })).map((run) => summarize(run, currentReport(run, coverage)));
}

/** One import with its full verification report (once done), custody as of now. */
export async function getImport(deps: Deps, id: string): Promise<ImportSummary & { report: TakeoutReport | null }> {
  const run = await deps.db.importRun.findUnique({ where: { id } });
  if (!run) throw new AppError("not_found", "No such import.");
  const report = currentReport(run, await readOffDiskCoverage(deps));
  return { ...summarize(run, report), report };
}
