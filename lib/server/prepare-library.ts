import type { Config } from "@/lib/config";
import { sweepTemp } from "@/lib/custody/sweep-temp";
import type { Logger } from "./logger";
import { applyMigrations } from "./migrate";
import { checkLibraryVolume, initLibraryVolume, recordLibraryId } from "./open-library";
import { libraryPaths, type LibraryPaths } from "./paths";

/**
 * Start-up, before the server or worker runs: refuse a wrong/unmounted volume, create the layout,
 * apply pending migrations, record the library id and sweep `tmp/`.
 */
export async function prepareLibrary(config: Config, log: Logger): Promise<LibraryPaths> {
  const paths = libraryPaths(config.dataDir, config.databasePath);
  const existingId = checkLibraryVolume(paths);
  const id = initLibraryVolume(paths, existingId);
  const { applied, alreadyApplied } = applyMigrations(paths.database);
  if (applied.length > 0) log.info("database migrated", { applied, alreadyApplied });
  recordLibraryId(paths.database, id);
  const swept = await sweepTemp(paths);
  if (swept > 0) log.info("swept leftover temp files", { swept });
  return paths;
}
