import type { Db } from "@/lib/server/db";
import type { Logger } from "@/lib/server/logger";
import type { LibraryPaths } from "@/lib/server/paths";
import { journalSeqOf } from "./append-journal";
import { compactJournal } from "./compact-journal";
import { journalDirOf, listJournalFiles, readJournal } from "./journal-files";
import { RebuildNeeded } from "./rebuild-needed";
import { JournalTooNewError, replayJournal } from "./replay-journal";

/**
 * Start-up reconciliation of the database with the journal, after originals are adopted and before
 * anything else writes: an older database put back gets the later decisions replayed; a journal
 * that is missing or behind the database (a library from before journaling, a lost journal dir)
 * starts again from a snapshot of the database. A database older than the last compaction cannot
 * be replayed: refuse (RebuildNeeded). Returns what it did.
 */
export async function reconcileJournal(db: Db, paths: LibraryPaths, log: Logger): Promise<{ replayed: number; snapshot: boolean }> {
  const dir = journalDirOf(paths.database);
  const { tailSeq } = readJournal(dir);
  const dbSeq = await journalSeqOf(db);
  if (tailSeq > dbSeq) {
    try {
      const replayed = await replayJournal(db, dir);
      log.info("replayed the owner's decisions the database lacked", { entries: replayed, from: dbSeq, to: tailSeq });
      return { replayed, snapshot: false };
    } catch (error) {
      if (error instanceof JournalTooNewError) throw new RebuildNeeded(error.message);
      throw error;
    }
  }
  const files = listJournalFiles(dir);
  const empty = files.segments.length === 0 && files.snapshots.length === 0;
  if (tailSeq < dbSeq || (empty && ((await db.asset.count()) > 0 || (await db.album.count()) > 0))) {
    await compactJournal(db, dir);
    log.warn("the journal was missing or behind the database: wrote a snapshot of every decision", { dbSeq, journalSeq: tailSeq });
    return { replayed: 0, snapshot: true };
  }
  return { replayed: 0, snapshot: false };
}
