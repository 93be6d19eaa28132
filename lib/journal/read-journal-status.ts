import type { Db } from "@/lib/server/db";
import { journalSeqOf } from "./append-journal";
import { journalDirOf, journalTailSeq } from "./journal-files";

/**
 * How many journal entries the database does not contain yet (a decision whose commit failed
 * after its entry was written, or a database older than the journal): start-up replays them.
 */
export async function readJournalStatus(db: Db, databaseFile: string): Promise<{ behind: number }> {
  const [dbSeq, tail] = await Promise.all([journalSeqOf(db), Promise.resolve(journalTailSeq(journalDirOf(databaseFile)))]);
  return { behind: Math.max(0, tail - dbSeq) };
}
