import fs from "node:fs/promises";
import { findOrphans } from "@/lib/maintenance/find-orphans";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

export type ReconcileResult = { orphansRemoved: number; missingOriginals: string[] };

/**
 * Recovery sweep run at start, while nothing else writes: an original on disk without a row was
 * never acknowledged (the process died between rename and commit) and is removed at once; derived
 * folders of unknown originals too. Rows whose original is gone are reported, never deleted.
 */
export async function reconcileOriginals(db: Db, paths: LibraryPaths): Promise<ReconcileResult> {
  const scan = await findOrphans(db, paths);
  for (const orphan of scan.orphans) await fs.rm(orphan, { recursive: true, force: true });
  return { orphansRemoved: scan.orphans.length, missingOriginals: scan.missingOriginals };
}
