import fs from "node:fs/promises";
import { getBackupHealth, type BackupHealth } from "@/lib/backup/get-backup-health";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

export type LibraryStatus = {
  storage: {
    originals: { files: number; bytes: number };
    derived: { files: number; bytes: number };
    database: { bytes: number };
    trash: { files: number; bytes: number };
    disk: { freeBytes: number; totalBytes: number } | null;
  };
  backup: { health: BackupHealth; dir: string; everyHours: number; keep: number };
  trashDays: number;
  identity: { owners: string[]; apiToken: boolean; allowLan: boolean; host: string; port: number };
};

/**
 * What the admin page shows about the library: bytes of originals, derived files (from the
 * index, not a disk walk, so it stays instant at 100k files), the database files, the trash and
 * the free disk; the backups' health (same disk, failures, age, verification) and schedule; the trash rule; who may sign in and where it listens.
 */
export async function getLibraryStatus(deps: { db: Db; paths: LibraryPaths; config: Config }): Promise<LibraryStatus> {
  const { db, paths, config } = deps;
  const [originals, derived, trash, health] = await Promise.all([
    db.asset.aggregate({ _count: { _all: true }, _sum: { size: true } }),
    db.derivative.aggregate({ _count: { _all: true }, _sum: { bytes: true } }),
    db.asset.aggregate({ where: { trashedAt: { not: null } }, _count: { _all: true }, _sum: { size: true } }),
    getBackupHealth(deps),
  ]);
  const dbBytes = (await Promise.all(["", "-wal", "-shm"].map((suffix) => fs.stat(`${paths.database}${suffix}`).then((s) => s.size, () => 0)))).reduce((a, b) => a + b, 0);
  const disk = await fs.statfs(paths.root).then((s) => ({ freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize }), () => null);
  return {
    storage: {
      originals: { files: originals._count._all, bytes: Number(originals._sum.size ?? 0) },
      derived: { files: derived._count._all, bytes: derived._sum.bytes ?? 0 },
      database: { bytes: dbBytes },
      trash: { files: trash._count._all, bytes: Number(trash._sum.size ?? 0) },
      disk,
    },
    backup: { health, dir: config.backupDir, everyHours: config.backupEveryHours, keep: config.backupKeep },
    trashDays: config.trashDays,
    identity: { owners: config.owners, apiToken: Boolean(config.apiToken), allowLan: config.allowLan, host: config.host, port: config.port },
  };
}
