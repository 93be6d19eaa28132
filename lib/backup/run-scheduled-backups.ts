import type { JobContext } from "@/lib/queue/handler";
import { recordBackedUp, recordVerified } from "./backup-coverage";
import { readBackupState, recordBackupAttempt, recordVerification, type BackupTargetState } from "./backup-status";
import { backupTargets, type BackupTarget } from "./backup-targets";
import type { OnBytes } from "./create-backup";

const HOUR_MS = 3_600_000;
/** A failed backup or verification is tried again after this long (not on every one-minute tick). */
const RETRY_MS = HOUR_MS;

export type BackupStep = { done: number; total: number; doing: string | null; bytes: { done: number; total: number } | null };

export type ScheduleOptions = {
  now?: Date;
  /** Run every target and verification now, whatever is due (`npm run backup`, "Back up now"). */
  force?: boolean;
  /**
   * Told before each step (a backup or a verification of one target), as its bytes go by where the
   * target counts them (`done` then has the step's fraction, `bytes` that step's originals), and once
   * all are done (with the last step's bytes).
   */
  onStep?: (step: BackupStep) => void;
};

const olderThan = (at: string | null | undefined, ms: number, now: Date) => !at || now.getTime() - new Date(at).getTime() >= ms;

/**
 * The worker's automatic backups: for each configured target, a backup when the last success is
 * older than ALBUMS_BACKUP_EVERY_HOURS, then a verification that re-reads all of it when the last
 * one is older than ALBUMS_BACKUP_VERIFY_HOURS. Every outcome is recorded (the health panel shows
 * failures and age); a failure is retried an hour later and never stops the other targets.
 * Returns the targets that failed.
 */
export async function runScheduledBackups(ctx: JobContext, options: ScheduleOptions = {}): Promise<string[]> {
  const { db, paths, config, log } = ctx;
  const now = options.now ?? new Date();
  const failed: string[] = [];
  if (config.backupEveryHours <= 0 && !options.force) return failed;
  const targets = backupTargets(paths, config);
  let done = 0;
  const total = 2 * targets.length;
  let doing: string | null = null;
  const step = (what: string) => {
    doing = what;
    options.onStep?.({ done: done++, total, doing, bytes: null });
  };
  // Within the step just started (done − 1 finished before it).
  let lastBytes: BackupStep["bytes"] = null;
  const onBytes = (bytesDone: number, bytesTotal: number) => {
    lastBytes = { done: bytesDone, total: bytesTotal };
    options.onStep?.({ done: done - 1 + (bytesTotal ? bytesDone / bytesTotal : 1), total, doing, bytes: lastBytes });
  };
  for (const target of targets) {
    const state = await readBackupState(db, target.kind);
    step(`Copying new originals to ${target.label}`);
    if (options.force || backupDue(state, config.backupEveryHours, now)) {
      if (!(await backUp(ctx, target, now, onBytes))) {
        failed.push(target.label);
        done += 1;
        continue;
      }
    }
    const after = await readBackupState(db, target.kind);
    step(`Re-reading the backup in ${target.label}`);
    if (after.last && (options.force || verifyDue(after, config.backupVerifyHours, now))) {
      try {
        await target.verify(onBytes);
        await recordVerification(db, target.kind, { ok: true }, now);
        await recordVerified(paths, target.kind, now);
        log.info("backup verified (every stored byte re-read)", { target: target.label });
      } catch (error) {
        await recordVerification(db, target.kind, { ok: false, error: (error as Error).message }, now);
        log.error("backup verification failed; trying again in an hour", { target: target.label, error: (error as Error).message });
        failed.push(target.label);
      }
    }
  }
  // The end keeps the last byte count (the originals the last step went through) for the summary.
  options.onStep?.({ done: total, total, doing: null, bytes: lastBytes });
  return failed;
}

async function backUp(ctx: JobContext, target: BackupTarget, now: Date, onBytes: OnBytes): Promise<boolean> {
  const { db, paths, log } = ctx;
  try {
    const result = await target.backup(now, onBytes);
    await recordBackupAttempt(db, target.kind, { ok: true, snapshot: result.snapshot, assets: result.assets, missing: result.missing.length }, now);
    await recordBackedUp(paths, { kind: target.kind, target: target.label, snapshot: result.snapshot, takenAt: now.toISOString(), hashes: result.hashes });
    log.info("backup done", { target: target.label, snapshot: result.snapshot, assets: result.assets, missing: result.missing.length });
    if (result.missing.length > 0) log.warn("originals missing from the library disk are not in the backup", { count: result.missing.length });
    return true;
  } catch (error) {
    await recordBackupAttempt(db, target.kind, { ok: false, error: (error as Error).message }, now);
    log.error("backup failed; trying again in an hour", { target: target.label, error: (error as Error).message });
    return false;
  }
}

function backupDue(state: BackupTargetState, everyHours: number, now: Date): boolean {
  if (state.lastError && !olderThan(state.lastAttemptAt, Math.min(RETRY_MS, everyHours * HOUR_MS), now)) return false;
  return olderThan(state.last?.at, everyHours * HOUR_MS, now);
}

function verifyDue(state: BackupTargetState, verifyHours: number, now: Date): boolean {
  if (verifyHours <= 0) return false;
  if (state.verifyError && !olderThan(state.lastVerifyAttemptAt, RETRY_MS, now)) return false;
  return olderThan(state.verifiedAt, verifyHours * HOUR_MS, now);
}
