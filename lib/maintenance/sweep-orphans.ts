import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { adoptOrphans, type AdoptOrphansResult } from "@/lib/custody/adopt-orphans";
import { settleGraveyard } from "@/lib/custody/settle-graveyard";
import { checkLibraryVolume } from "@/lib/server/open-library";

/** Originals younger than this are left to the ingest that is linking them (its row commits a moment later). */
const MIN_AGE_MS = 15 * 60_000;

export type SweepResult = { state: "cancelled"; reason: string } | ({ state: "swept" } & AdoptOrphansResult);

/**
 * The maintenance tick's custody pass, which deletes no original: finishes purges left in the
 * graveyard, then adopts originals without a row (ingested again from their own bytes, source
 * `recovered`) or quarantines what cannot be adopted, and removes derived folders of nothing.
 * Does nothing on a volume that is not this library's.
 */
export async function sweepOrphans(deps: IngestDeps, options: { minAgeMs?: number; now?: Date } = {}): Promise<SweepResult> {
  try {
    checkLibraryVolume(deps.paths);
  } catch (error) {
    return { state: "cancelled", reason: (error as Error).message };
  }
  await settleGraveyard(deps.db, deps.paths);
  return { state: "swept", ...(await adoptOrphans(deps, { minAgeMs: options.minAgeMs ?? MIN_AGE_MS, now: options.now })) };
}
