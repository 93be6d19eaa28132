import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { adoptOrphans, type AdoptOrphansResult } from "./adopt-orphans";
import { settleGraveyard, type SettleResult } from "./settle-graveyard";

/**
 * Start-up recovery, before the server and worker run. Deletes no original: purges a crash
 * interrupted are finished or undone (settleGraveyard), and every original without a row (an
 * older database put back, a crash between link and commit) is adopted or quarantined.
 */
export async function recoverCustody(deps: IngestDeps): Promise<{ graveyard: SettleResult; orphans: AdoptOrphansResult }> {
  const graveyard = await settleGraveyard(deps.db, deps.paths);
  return { graveyard, orphans: await adoptOrphans(deps) };
}
