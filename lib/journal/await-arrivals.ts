import type { Db } from "@/lib/server/db";
import type { JournalContents } from "./journal-files";
import { opHashes } from "./op-hashes";

const CHUNK = 5000;

/**
 * After a rebuild's replay: every photo the journal has decisions about that `originals/` did not
 * hold (a photo of an external library, or bytes since purged) waits in PendingArrival for a
 * library scan to find its bytes again (apply-arrivals.ts). Nothing waits when there is no library
 * to scan (none journaled, none in ALBUMS_LIBRARIES). Returns how many wait.
 */
export async function awaitArrivals(db: Db, journal: JournalContents, configuredLibraries: number): Promise<number> {
  if (configuredLibraries === 0 && (await db.library.count()) === 0) return 0;
  const present = new Set((await db.asset.findMany({ select: { sha256: true } })).map((a) => a.sha256));
  const waiting = new Set<string>();
  for (const op of [...journal.snapshot, ...journal.entries]) for (const sha of opHashes(op)) if (!present.has(sha)) waiting.add(sha);
  const all = [...waiting];
  for (let i = 0; i < all.length; i += CHUNK) {
    await db.$executeRaw`INSERT OR IGNORE INTO "PendingArrival" ("sha256") SELECT value FROM json_each(${JSON.stringify(all.slice(i, i + CHUNK))})`;
  }
  return all.length;
}
