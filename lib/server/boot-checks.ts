import { hasOwnerPassphrase } from "@/lib/auth/owner-passphrase";
import { placeDriveFolders } from "@/lib/files/place-drive-folders";
import { recoverCustody } from "@/lib/custody/recover-custody";
import { recoverInterruptedJobs } from "@/lib/queue/claim";
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
 * custody is recovered: interrupted purges settled, originals without a row adopted (never deleted);
 * the journal is reconciled and Drive files imported before the Files tree get their folders.
 */
export async function bootChecks(config: Config, paths: LibraryPaths, log: Logger): Promise<void> {
  const db = await getDb();
  try {
    const problem = listenAddressProblem(config, await hasOwnerPassphrase(db));
    if (problem) throw new StartupRefusal(problem);
    const recovered = await recoverInterruptedJobs(db);
    if (recovered > 0) log.info("handed back jobs interrupted by the last stop", { jobs: recovered });
    const { graveyard, orphans } = await recoverCustody({ db, paths, config });
    if (graveyard.restored > 0) log.warn("put back originals an interrupted purge had moved", { count: graveyard.restored });
    if (orphans.adopted.length > 0) log.warn("adopted originals that had no database row (source: recovered)", { count: orphans.adopted.length });
    if (orphans.quarantined.length > 0) log.warn("moved files that cannot be adopted to the quarantine", { files: orphans.quarantined.slice(0, 20), count: orphans.quarantined.length });
    if (orphans.failed.length > 0) log.warn("could not adopt originals without a row (left in place; tried again next start)", { files: orphans.failed.slice(0, 20), count: orphans.failed.length });
    await reconcileJournal(db, paths, log);
    const placed = await placeDriveFolders(db);
    if (placed > 0) log.info("put Drive files from earlier imports into the Files tree", { placed });
  } finally {
    await db.$disconnect();
  }
}
