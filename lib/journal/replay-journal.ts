import type { Db } from "@/lib/server/db";
import { journalSeqOf, setJournalSeq, withoutJournal } from "./append-journal";
import { applyJournalEntry } from "./apply-journal-entry";
import { JOURNAL_SEQ_KEY } from "./journal-entry";
import { readJournal } from "./journal-files";

/** The database predates the journal's last compaction: only a rebuild can bring it up to date. */
export class JournalTooNewError extends Error {
  constructor(dbSeq: number, snapshotSeq: number) {
    super(`The database holds the owner's decisions up to journal entry ${dbSeq}, but the journal was compacted at ${snapshotSeq}: re-create the index with \`npm run rebuild\` (originals are kept).`);
    this.name = "JournalTooNewError";
  }
}

const BATCH = 200;

/**
 * Brings the database up to the journal: applies every entry after the database's seq, in order,
 * a batch per transaction (each records how far it got, so an interrupted replay resumes). A fresh
 * database (`fromSnapshot`, a rebuild, no seq yet) first takes the newest snapshot; a database
 * older than the snapshot is refused (JournalTooNewError). Run while nothing else writes. Returns
 * how many entries it applied.
 */
export async function replayJournal(db: Db, journalDir: string, options: { fromSnapshot?: boolean } = {}): Promise<number> {
  const journal = readJournal(journalDir);
  const fresh = !(await db.setting.findUnique({ where: { key: JOURNAL_SEQ_KEY } }));
  let dbSeq = await journalSeqOf(db);
  return withoutJournal(async () => {
    if (journal.snapshotSeq !== null && options.fromSnapshot && fresh) {
      const snapshotSeq = journal.snapshotSeq;
      for (let i = 0; i < journal.snapshot.length || i === 0; i += BATCH) {
        const last = i + BATCH >= journal.snapshot.length;
        await db.$transaction(async (tx) => {
          for (const op of journal.snapshot.slice(i, i + BATCH)) await applyJournalEntry(tx, op, new Date(op.at));
          if (last) await setJournalSeq(tx, snapshotSeq);
        }, { timeout: 600_000 });
      }
      dbSeq = snapshotSeq;
    } else if (journal.snapshotSeq !== null && dbSeq < journal.snapshotSeq) throw new JournalTooNewError(dbSeq, journal.snapshotSeq);
    const pending = journal.entries.filter((e) => e.seq > dbSeq);
    for (let i = 0; i < pending.length; i += BATCH) {
      const batch = pending.slice(i, i + BATCH);
      await db.$transaction(async (tx) => {
        for (const entry of batch) await applyJournalEntry(tx, entry, new Date(entry.at));
        await setJournalSeq(tx, batch.at(-1)!.seq);
      }, { timeout: 600_000 });
    }
    return pending.length;
  });
}
