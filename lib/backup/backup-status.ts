import type { Db } from "@/lib/server/db";

/** The own-format folder (ALBUMS_BACKUP_DIR) and the off-box restic repository (ALBUMS_BACKUP_REPOSITORY). */
export type BackupKind = "folder" | "restic";

/** A target's last successful backup. */
export type BackupStatus = { at: string; snapshot: string; assets: number; missing: number };

/** What is known about one target: its last success, the last failure, the last full re-read. */
export type BackupTargetState = {
  last: BackupStatus | null;
  lastAttemptAt: string | null;
  /** The error of the last attempt; null once an attempt succeeds again. */
  lastError: string | null;
  /** Failed attempts since the last success. */
  failures: number;
  /** When the last verification that re-read every backed-up byte started (and then passed). */
  verifiedAt: string | null;
  verifyError: string | null;
  lastVerifyAttemptAt: string | null;
};

const EMPTY: BackupTargetState = { last: null, lastAttemptAt: null, lastError: null, failures: 0, verifiedAt: null, verifyError: null, lastVerifyAttemptAt: null };
const key = (kind: BackupKind) => `backup.state.${kind}`;

export async function readBackupState(db: Db, kind: BackupKind): Promise<BackupTargetState> {
  const row = await db.setting.findUnique({ where: { key: key(kind) } });
  return row ? { ...EMPTY, ...(JSON.parse(row.value) as Partial<BackupTargetState>) } : EMPTY;
}

async function update(db: Db, kind: BackupKind, change: (state: BackupTargetState) => BackupTargetState): Promise<void> {
  const value = JSON.stringify(change(await readBackupState(db, kind)));
  await db.setting.upsert({ where: { key: key(kind) }, create: { key: key(kind), value }, update: { value } });
}

/** Records a backup attempt: a success (what it holds) or a failure (kept until the next success). */
export async function recordBackupAttempt(db: Db, kind: BackupKind, outcome: { ok: true; snapshot: string; assets: number; missing: number } | { ok: false; error: string }, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await update(db, kind, (state) =>
    outcome.ok
      ? { ...state, lastAttemptAt: at, lastError: null, failures: 0, last: { at, snapshot: outcome.snapshot, assets: outcome.assets, missing: outcome.missing } }
      : { ...state, lastAttemptAt: at, lastError: outcome.error, failures: state.failures + 1 },
  );
}

/** Records a verification that started at `startedAt`: passed (verifiedAt) or failed (verifyError). */
export async function recordVerification(db: Db, kind: BackupKind, outcome: { ok: true } | { ok: false; error: string }, startedAt: Date): Promise<void> {
  const at = startedAt.toISOString();
  await update(db, kind, (state) => (outcome.ok ? { ...state, lastVerifyAttemptAt: at, verifiedAt: at, verifyError: null } : { ...state, lastVerifyAttemptAt: at, verifyError: outcome.error }));
}
