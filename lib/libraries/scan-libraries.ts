import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { Logger } from "@/lib/server/logger";
import type { LibraryPaths } from "@/lib/server/paths";
import { addLibrary } from "./add-library";
import { collectLibraryFiles } from "./collect-library-files";
import { journalExistingLibraries } from "./journal-existing-libraries";
import { scanLibrary, type ScanOptions } from "./scan-library";

export type LibraryRound = { scanned: number; stale: string[]; collected: { files: number; assets: number } | null };

/**
 * One round over the external libraries: libraries from before the journal knew them are journaled
 * (once), the folders of ALBUMS_LIBRARIES are registered, every
 * library that is due (never scanned, a scan under way to resume, a scan requested, or its last
 * scan older than `config.libraryScanMs`; `force`: all) is scanned, then what is gone for good is
 * collected — only when every library agreed (collectLibraryFiles). Once every library has
 * completed a scan, the photos a rebuild still waits for (PendingArrival) are given up.
 */
export async function scanLibraries(deps: { db: Db; paths: LibraryPaths; config: Config; log?: Logger }, options: ScanOptions & { force?: boolean; now?: Date } = {}): Promise<LibraryRound> {
  const { db, config } = deps;
  await journalExistingLibraries(db);
  for (const root of config.libraries) {
    await addLibrary(db, deps.paths, { root, origin: "env" }).catch((error: unknown) => deps.log?.warn("ALBUMS_LIBRARIES entry not added", { root, error: (error as Error).message }));
  }
  const now = options.now ?? new Date();
  const libraries = await db.library.findMany({ orderBy: { root: "asc" } });
  const round: LibraryRound = { scanned: 0, stale: [], collected: null };
  for (const library of libraries) {
    const due = options.force || library.scanRequested || library.scanStartedAt || !library.lastScanAt || library.state === "stale" || now.getTime() - library.lastScanAt.getTime() >= config.libraryScanMs;
    if (!due) continue;
    if (options.signal?.aborted) break;
    const result = await scanLibrary(deps, library.id, options);
    round.scanned += 1;
    if (result.state === "stale") round.stale.push(library.root);
    deps.log?.info("library scanned", { root: library.root, ...result });
  }
  round.collected = await collectLibraryFiles(deps);
  // Photos a rebuild waits for that no library held in a complete scan since are not coming back.
  if (await db.library.count({ where: { availableScans: 0 } }) === 0) await db.pendingArrival.deleteMany();
  return round;
}
