import type { Db } from "@/lib/server/db";
import type { BackupResult } from "./create-backup";

const KEY = "backup.last";

export type BackupStatus = { at: string; snapshot: string; assets: number; missing: number };

/** Remembers the last successful backup (for the admin page and the daily schedule). */
export async function recordBackup(db: Db, result: BackupResult, now = new Date()): Promise<void> {
  const value = JSON.stringify({ at: now.toISOString(), snapshot: result.snapshot, assets: result.assets, missing: result.missing.length } satisfies BackupStatus);
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}

export async function lastBackup(db: Db): Promise<BackupStatus | null> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  return row ? (JSON.parse(row.value) as BackupStatus) : null;
}
