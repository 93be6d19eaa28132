import { jobKey } from "@/lib/queue/enqueue";
import type { Db } from "@/lib/server/db";
import type { TakeoutReport } from "./build-report";
import { TakeoutAbort } from "./catalogue-parts";
import { takeoutInputsKey, type TakeoutProgress, type TakeoutResult } from "./import-takeout";

/**
 * Follows an import queued with startImport (the running worker does the work) until its job
 * ends, reporting progress as the worker records it. Resolves to the run's report; throws
 * TakeoutAbort when the import was aborted, an Error when its job failed for good.
 */
export async function followImport(db: Db, request: { requestId: string; inputs: string[] }, onProgress: (p: TakeoutProgress) => void, pollMs = 1000): Promise<TakeoutResult> {
  const queuedAt = new Date();
  const key = jobKey("takeout-import", request.requestId);
  for (;;) {
    const [job, run] = await Promise.all([
      db.job.findUnique({ where: { key }, select: { status: true, lastError: true } }),
      db.importRun.findFirst({ where: { inputs: takeoutInputsKey(request.inputs), updatedAt: { gte: queuedAt } }, orderBy: { updatedAt: "desc" } }),
    ]);
    if (run?.progress) onProgress(JSON.parse(run.progress) as TakeoutProgress);
    if (run?.status === "aborted") throw new TakeoutAbort("in the running worker", run.error ?? "aborted");
    if (job?.status === "done" && run?.report) return { runId: run.id, report: JSON.parse(run.report) as TakeoutReport };
    if (!job || job.status === "failed") throw new Error(`The import failed in the worker: ${job?.lastError ?? "its job is gone"}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
