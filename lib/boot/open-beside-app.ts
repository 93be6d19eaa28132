import type { Config } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths, type LibraryPaths } from "@/lib/server/paths";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { acquireInstanceLock, InstanceLockedError, type InstanceLock } from "./instance-lock";

/**
 * The library as a command-line script finds it: alone (it takes the instance lock, then checks
 * and migrates the data dir like a start), or beside a running Albums (which holds the lock and
 * has migrated: its database is used as it is; `lock` is null and the app's worker does the work).
 */
export async function openBesideApp(config: Config, logName: string): Promise<{ paths: LibraryPaths; lock: InstanceLock | null }> {
  let lock: InstanceLock | null = null;
  try {
    lock = acquireInstanceLock(config.dataDir);
  } catch (error) {
    if (!(error instanceof InstanceLockedError)) throw error;
  }
  const paths = lock ? await prepareLibrary(config, createLogger(logName, "warn")) : libraryPaths(config.dataDir, config.databasePath);
  return { paths, lock };
}
