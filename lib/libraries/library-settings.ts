import type { Db } from "@/lib/server/db";

/** Setting key: "true" when backups should also copy originals that live only in external libraries. */
export const BACKUP_EXTERNAL_KEY = "libraries.backupOriginals";

/** Whether backups include external-library originals (default: no — they may be backed up where they live). */
export async function readBackupExternal(db: Db): Promise<boolean> {
  return (await db.setting.findUnique({ where: { key: BACKUP_EXTERNAL_KEY } }))?.value === "true";
}
