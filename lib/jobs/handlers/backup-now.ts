import { runScheduledBackups } from "@/lib/backup/run-scheduled-backups";
import { type JobHandler, PermanentJobError } from "@/lib/queue/handler";

/** "Back up now" from Settings: every target backed up and verified; each step lands in Job.progress. */
export const backupNowJob: JobHandler = {
  kind: "backup-now",
  async run(ctx, job) {
    const writes: Promise<unknown>[] = [];
    const failed = await runScheduledBackups(ctx, {
      force: true,
      onStep: ({ done, total, doing }) => void writes.push(ctx.db.job.update({ where: { id: job.id }, data: { progress: JSON.stringify({ fraction: total ? done / total : 1, doing }) } }).catch(() => {})),
    });
    await Promise.all(writes);
    if (failed.length > 0) throw new PermanentJobError(`The backup to ${failed.join(" and ")} failed; Settings, Health says why.`);
  },
};
