import type { Db } from "@/lib/server/db";

/** Setting key: "true" when backups should also copy originals that live only in external libraries. */
export const BACKUP_EXTERNAL_KEY = "libraries.backupOriginals";

/** Whether backups include external-library originals (default: no — they may be backed up where they live). */
export async function readBackupExternal(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: BACKUP_EXTERNAL_KEY } }))?.value === "true";
}

/** The owner's choice (settings): back up external-library originals too, or leave them where they live. */
export async function writeBackupExternal(db: Db, include: boolean): Promise<void> {
  const value = String(include);
  await db.setting.upsert({ where: { key: BACKUP_EXTERNAL_KEY }, create: { key: BACKUP_EXTERNAL_KEY, value }, update: { value } });
}
