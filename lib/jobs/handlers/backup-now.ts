import { runScheduledBackups, type BackupStep } from "@/lib/backup/run-scheduled-backups";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";

/** How often the byte count of a step is written to the job row (every step start and the end are written). */
const WRITE_EVERY_MS = 500;

/**
 * "Back up now" from Settings: every target backed up and verified; the progress lands in
 * Job.progress — the step under way and, where the target counts them, its bytes so far.
 */
export const backupNowJob: JobHandler = {
  kind: "backup-now",
  async run(ctx, job) {
    const writes: Promise<unknown>[] = [];
    let lastWrite = 0;
    const write = ({ done, total, doing, bytes }: BackupStep) => {
      if (bytes && bytes.done < bytes.total && Date.now() - lastWrite < WRITE_EVERY_MS) return;
      lastWrite = Date.now();
      writes.push(ctx.db.job.update({ where: { id: job.id }, data: { progress: JSON.stringify({ fraction: total ? done / total : 1, doing, bytes }) } }).catch(() => {}));
    };
    const failed = await runScheduledBackups(ctx, { force: true, onStep: write });
    await Promise.all(writes);
    if (failed.length > 0) throw new PermanentJobError(`The backup to ${failed.join(" and ")} failed; Settings, Health says why.`);
  },
};
