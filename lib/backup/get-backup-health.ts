import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { readBackupState, type BackupKind } from "./backup-status";
import { backupTargets, isOffDisk } from "./backup-targets";

export type BackupTargetHealth = {
  kind: BackupKind;
  target: string;
  lastBackupAt: string | null;
  /** The last attempt's error (null when it succeeded), and when. */
  lastError: string | null;
  lastErrorAt: string | null;
  ageHours: number | null;
  /** True when a failure of the library's disk would take this backup with it. */
  sameFilesystem: boolean;
  verifiedAt: string | null;
  verifyError: string | null;
};

/** Something wrong with the backups, as a code (the Health panel's problem) and a sentence. */
export type BackupWarning = { code: "backup_same_disk" | "backup_failed" | "backup_verify_failed" | "backup_none" | "backup_stale"; message: string };

/** The target that counts (off-disk if any) at the top level, every target, and the warnings to show. */
export type BackupHealth = Omit<BackupTargetHealth, "kind"> & { targets: BackupTargetHealth[]; warnings: BackupWarning[] };

const HOUR_MS = 3_600_000;

/**
 * Backup health for the Health panel and /api/health: per target its last success, age, last
 * failure, verification and whether it sits on the data dir's own filesystem (st_dev of the backup
 * folder, or of its nearest existing ancestor), plus plain-language warnings: no backup off this
 * disk, a failing backup or verification, a backup older than twice its interval, none yet.
 */
export async function getBackupHealth(deps: { db: Db; paths: LibraryPaths; config: Config }, now = new Date()): Promise<BackupHealth> {
  const { db, paths, config } = deps;
  const targets: BackupTargetHealth[] = [];
  for (const target of backupTargets(paths, config)) {
    const state = await readBackupState(db, target.kind);
    const lastBackupAt = state.last?.at ?? null;
    targets.push({
      kind: target.kind,
      target: target.label,
      lastBackupAt,
      lastError: state.lastError,
      lastErrorAt: state.lastError ? state.lastAttemptAt : null,
      ageHours: lastBackupAt ? Math.round(((now.getTime() - new Date(lastBackupAt).getTime()) / HOUR_MS) * 10) / 10 : null,
      sameFilesystem: !isOffDisk(target.offDisk),
      verifiedAt: state.verifiedAt,
      verifyError: state.verifyError,
    });
  }
  const offDisk = targets.find((t) => !t.sameFilesystem);
  const warnings: BackupWarning[] = [];
  const warn = (code: BackupWarning["code"], message: string) => warnings.push({ code, message });
  if (!offDisk) warn("backup_same_disk", `Backups are on the same disk as the library (${config.backupDir}): losing that disk loses both. Set ALBUMS_BACKUP_REPOSITORY to a restic repository on another machine, or ALBUMS_BACKUP_DIR to another disk.`);
  for (const t of targets) {
    if (t.lastError) warn("backup_failed", `The last backup to ${t.target} failed (${t.lastErrorAt}): ${t.lastError}`);
    if (t.verifyError) warn("backup_verify_failed", `Verifying the backup at ${t.target} failed: ${t.verifyError}`);
    if (config.backupEveryHours > 0 && t.lastBackupAt === null && !t.lastError) warn("backup_none", `No backup to ${t.target} yet.`);
    if (config.backupEveryHours > 0 && t.ageHours !== null && t.ageHours > 2 * config.backupEveryHours) warn("backup_stale", `The last backup to ${t.target} is ${Math.floor(t.ageHours)} hours old.`);
  }
  const primary = offDisk ?? targets[0]!;
  return { target: primary.target, lastBackupAt: primary.lastBackupAt, lastError: primary.lastError, lastErrorAt: primary.lastErrorAt, ageHours: primary.ageHours, sameFilesystem: primary.sameFilesystem, verifiedAt: primary.verifiedAt, verifyError: primary.verifyError, targets, warnings };
}
