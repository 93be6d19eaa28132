import type { Config } from "@/lib/config";
import { sweepTemp } from "@/lib/custody/sweep-temp";
import type { Logger } from "./logger";
import { applyMigrations } from "./migrate";
import { checkLibraryVolume, initLibraryVolume, recordLibraryId } from "./open-library";
import { libraryPaths, type LibraryPaths } from "./paths";
import { restrictPermissions } from "./restrict-permissions";

/**
 * Start-up, before the server or worker runs: refuse a wrong/unmounted volume, create the layout,
 * apply pending migrations, record the library id, make the data and backup dirs private and
 * sweep `tmp/`.
 */
export async function prepareLibrary(config: Config, log: Logger): Promise<LibraryPaths> {
  const paths = libraryPaths(config.dataDir, config.databasePath);
  const existingId = checkLibraryVolume(paths);
  const id = initLibraryVolume(paths, existingId);
  const { applied, alreadyApplied, backup } = applyMigrations(paths.database, undefined, { backupDir: config.backupDir });
  if (applied.length > 0) log.info("database migrated", { applied, alreadyApplied, backupBeforeMigrating: backup });
  recordLibraryId(paths.database, id);
  // The backups hold the database too (the passphrase hash, every GPS position).
  const restricted = restrictPermissions(paths.root) + restrictPermissions(config.backupDir);
  if (restricted > 0) log.info("made the library private to its user (dirs 0700, files 0600)", { restricted });
  const swept = await sweepTemp(paths);
  if (swept > 0) log.info("swept leftover temp files", { swept });
  return paths;
}
