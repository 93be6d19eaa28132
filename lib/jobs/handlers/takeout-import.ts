import { importIcloud } from "@/lib/icloud/import-icloud";
import { TakeoutAbort } from "@/lib/takeout/catalogue-parts";
import { importTakeout, type TakeoutProgress } from "@/lib/takeout/import-takeout";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";
import { importJobPayload } from "@/lib/queue/kinds";

/** A Takeout or iCloud import started from the admin API (or handed over by the CLI); progress lands in ImportRun.progress about once a second. */
export const takeoutImportJob: JobHandler = {
  kind: "takeout-import",
  async run(ctx, job) {
    const payload = importJobPayload.parse(JSON.parse(job.payload));
    const startedAt = new Date().toISOString();
    let lastWrite = 0;
    const record = (progress: TakeoutProgress) => {
      if (Date.now() - lastWrite < 1000 && progress.entriesDone < progress.entries) return;
      lastWrite = Date.now();
      void ctx.db.importRun.update({ where: { id: progress.runId }, data: { progress: JSON.stringify({ ...progress, startedAt }) } }).catch(() => {});
    };
    try {
      const run = payload.source === "icloud" ? importIcloud : importTakeout;
      const { report } = await run(ctx, payload.paths, { includeTrashed: payload.includeTrashed }, record);
      ctx.log.info(`${payload.source} import finished`, { safeToDelete: report.safeToDelete, ...report.totals });
    } catch (error) {
      if (error instanceof TakeoutAbort) throw new PermanentJobError(error.message, { cause: error });
      throw error;
    }
  },
};
