import { getDb } from "@/lib/server/db";
import type { Logger } from "@/lib/server/logger";
import type { LibraryPaths } from "@/lib/server/paths";
import { reconcileOriginals } from "./reconcile-originals";

/** Start-up recovery sweep (see reconcileOriginals), logged. */
export async function reconcileLibrary(paths: LibraryPaths, log: Logger): Promise<void> {
  const db = await getDb();
  try {
    const result = await reconcileOriginals(db, paths);
    if (result.orphanFilesRemoved || result.orphanDerivedRemoved) log.info("removed unacknowledged leftovers", { ...result, missingOriginals: result.missingOriginals.length });
    if (result.missingOriginals.length > 0) log.warn("originals missing from disk (restore from backup)", { assets: result.missingOriginals.slice(0, 20), count: result.missingOriginals.length });
  } finally {
    await db.$disconnect();
  }
}
