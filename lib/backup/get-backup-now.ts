import type { Db } from "@/lib/server/db";

export type BackupNowProgress = { fraction: number; doing: string | null; bytes?: { done: number; total: number } | null };

export type BackupNowState = {
  status: "pending" | "running" | "done" | "failed";
  startedAt: string;
  finishedAt: string | null;
  /**
   * 0…1 over the steps (a backup and a verification per target, each advancing with its bytes where
   * the target counts them), the step under way and the bytes of originals it has handled so far.
   */
  progress: BackupNowProgress | null;
  error: string | null;
} | null;

/** The latest "Back up now" (what Settings shows under its button), or null when there was none. */
export async function getBackupNow(db: Db): Promise<BackupNowState> {
  const job = await db.job.findFirst({ where: { kind: "backup-now" }, orderBy: { id: "desc" } });
  if (!job) return null;
  return {
    status: job.status as NonNullable<BackupNowState>["status"],
    startedAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    progress: job.progress ? (JSON.parse(job.progress) as BackupNowProgress) : null,
    error: job.lastError,
  };
}
