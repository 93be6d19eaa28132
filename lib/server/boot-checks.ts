import { reconcileOriginals } from "@/lib/assets/reconcile-originals";
import { hasOwnerPassphrase } from "@/lib/auth/owner-passphrase";
import { recoverInterruptedJobs } from "@/lib/jobs/queue";
import { reconcileJournal } from "@/lib/journal/reconcile-journal";
import type { Config } from "@/lib/config";
import { listenAddressProblem } from "./check-listen-address";
import { getDb } from "./db";
import type { Logger } from "./logger";
import type { LibraryPaths } from "./paths";

/** A start-up condition the owner must fix (exit 78, like a configuration error). */
export class StartupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupRefusal";
  }
}

/**
 * Checks that need the migrated database, run before the server and worker start: the listen
 * address is safe for the identity set-up, jobs interrupted by the last stop are handed back, and
 * the recovery sweep removes unacknowledged leftovers.
 */
export async function bootChecks(config: Config, paths: LibraryPaths, log: Logger): Promise<void> {
  const db = await getDb();
  try {
    const problem = listenAddressProblem(config, await hasOwnerPassphrase(db));
    if (problem) throw new StartupRefusal(problem);
    const recovered = await recoverInterruptedJobs(db);
    if (recovered > 0) log.info("handed back jobs interrupted by the last stop", { jobs: recovered });
    const result = await reconcileOriginals(db, paths);
    if (result.orphansRemoved > 0) log.info("removed unacknowledged leftovers", { count: result.orphansRemoved });
    if (result.missingOriginals.length > 0) {
      log.warn("originals missing from disk (restore from backup)", { assets: result.missingOriginals.slice(0, 20), count: result.missingOriginals.length });
    }
    await reconcileJournal(db, paths, log);
  } finally {
    await db.$disconnect();
  }
}
