import { AsyncLocalStorage } from "node:async_hooks";
import { sqlTime, type DbTx } from "@/lib/server/db";
import { appendEntry, journalDirOf } from "./journal-files";
import { JOURNAL_SEQ_KEY, type JournalOp } from "./journal-entry";

const quiet = new AsyncLocalStorage<true>();

/**
 * Records an owner's decision in the journal, inside the database transaction that makes it:
 * the entry is appended and fsynced before the transaction commits, so no decision is acknowledged
 * that the journal lacks (one whose commit then fails is applied by the next replay: every op is
 * idempotent). The transaction holds SQLite's write lock (BEGIN IMMEDIATE), which serialises
 * appends across the server, the worker and the CLIs. The database's seq (Setting `journal.seq`)
 * moves with it only while the database holds every entry before — after a gap it stays behind,
 * so the next start-up replays from there. The journal lives in `journal/` beside the database.
 */
export async function appendJournal(tx: DbTx, op: JournalOp): Promise<void> {
  if (quiet.getStore() || ("sha256s" in op && op.sha256s.length === 0 && op.op !== "album.create")) return;
  const [row] = await tx.$queryRaw<{ file: string; seq: string | null }[]>`
    SELECT (SELECT file FROM pragma_database_list WHERE name = 'main') AS file, (SELECT value FROM "Setting" WHERE key = ${JOURNAL_SEQ_KEY}) AS seq`;
  const dbSeq = Number(row?.seq ?? 0);
  const { seq, previous } = appendEntry(journalDirOf(row!.file), op, dbSeq);
  if (previous <= dbSeq) await setJournalSeq(tx, seq);
}

/** Runs `fn` without journaling (replaying the journal, or re-listing originals in a rebuild). */
export function withoutJournal<T>(fn: () => Promise<T>): Promise<T> {
  return quiet.run(true, fn);
}

/** Records that the database contains every journal entry up to `seq`. */
export async function setJournalSeq(tx: DbTx, seq: number): Promise<void> {
  await tx.$executeRaw`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${JOURNAL_SEQ_KEY}, ${String(seq)}, ${sqlTime(new Date())})
    ON CONFLICT("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`;
}

/** The last journal seq the database contains (0 = none). */
export async function journalSeqOf(tx: DbTx): Promise<number> {
  const row = await tx.setting.findUnique({ where: { key: JOURNAL_SEQ_KEY }, select: { value: true } });
  return Number(row?.value ?? 0);
}

/** Content hashes of these asset ids (journal entries name assets by their bytes). */
export async function shasOf(tx: DbTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await tx.asset.findMany({ where: { id: { in: ids } }, select: { sha256: true } })).map((a) => a.sha256);
}
