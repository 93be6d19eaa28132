import { queueTask } from "@/lib/queue/enqueue";
import type { Db } from "@/lib/server/db";

/**
 * Queues "Back up now" for the worker (every target backed up and verified at once), unless one is
 * already waiting or running: then that one is the answer. Returns the job's id.
 */
export async function startBackupNow(db: Db, now = new Date()): Promise<{ jobId: number }> {
  const running = await db.job.findFirst({ where: { kind: "backup-now", status: { in: ["pending", "running"] } }, select: { id: true } });
  if (running) return { jobId: running.id };
  await queueTask(db, { kind: "backup-now", subject: now.toISOString(), payload: {}, maxAttempts: 1 });
  const job = await db.job.findFirstOrThrow({ where: { kind: "backup-now" }, orderBy: { id: "desc" }, select: { id: true } });
  return { jobId: job.id };
}
