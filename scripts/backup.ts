// `npm run backup`: backs the library named by ALBUMS_DATA_DIR up to every configured target now
// (ALBUMS_BACKUP_DIR, and the restic repository ALBUMS_BACKUP_REPOSITORY when set) and re-reads
// each one to verify it; safe while Albums runs. `npm run backup -- <folder>`: a one-off own-format
// backup into that folder instead. Prints what it did; exits 1 when a target failed.
import "@/lib/server/install-egress-guard";
import { readBackupState } from "@/lib/backup/backup-status";
import { backupTargets } from "@/lib/backup/backup-targets";
import { createBackup } from "@/lib/backup/create-backup";
import { runScheduledBackups } from "@/lib/backup/run-scheduled-backups";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const paths = libraryPaths(config.dataDir, config.databasePath);
const destination = process.argv[2];
if (destination) {
  const result = await createBackup(paths, destination, config.backupKeep);
  console.log(`snapshot ${result.snapshot}: ${result.assets} originals (${result.copied} new, ${(result.bytesCopied / 1e6).toFixed(1)} MB copied and re-hashed)`);
  if (result.missing.length > 0) console.error(`WARNING: ${result.missing.length} originals are missing from the library disk and are not in this backup.`);
} else {
  const db = await getDb();
  const failed = await runScheduledBackups({ db, paths, config, log: createLogger("backup", "warn") }, { force: true });
  for (const target of backupTargets(paths, config)) {
    const state = await readBackupState(db, target.kind);
    const verified = state.verifiedAt && state.last && state.verifiedAt >= state.last.at ? "verified" : "NOT verified";
    console.log(state.last ? `${target.label}: snapshot ${state.last.snapshot}: ${state.last.assets} originals, ${verified}` : `${target.label}: no backup yet`);
    if (state.last && state.last.missing > 0) {
      console.error(`WARNING: ${state.last.missing} originals are missing from the library disk and are not in this backup.`);
      process.exitCode = 2;
    }
    if (state.lastError) console.error(`${target.label}: FAILED: ${state.lastError}`);
    if (state.verifyError) console.error(`${target.label}: verification FAILED: ${state.verifyError}`);
  }
  await db.$disconnect();
  if (failed.length > 0) process.exitCode = 1;
}
