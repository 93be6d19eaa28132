import fs from "node:fs";
import type { Db } from "@/lib/server/db";
import { journalSeqOf } from "./append-journal";
import { listJournalFiles, readJournal, segmentBytes, startSegment, writeSnapshot } from "./journal-files";
import { purgedHashes } from "./purged-hashes";
import { snapshotDecisions } from "./snapshot-decisions";

/** Segments past this size are folded into a snapshot by the worker's maintenance tick. */
export const COMPACT_AFTER_BYTES = 16 * 1024 * 1024;

/**
 * Folds the journal into a snapshot of the decisions the database holds (plus the purges of bytes
 * no row holds any more) at the database's seq, starts the next segment, then removes the older
 * files. Runs in one write transaction, so no entry is appended meanwhile, and changes no row; a
 * crash at any step leaves a journal that reads the same (the newest complete snapshot plus every
 * later entry). Skipped (false) when the database lacks entries the journal has: those are
 * replayed first, at the next start — or when the segments hold less than `minBytes`, or (the
 * worker's tick) while a rebuild still waits for library photos (PendingArrival). Also how an
 * existing library gets its first journal.
 */
export async function compactJournal(db: Db, journalDir: string, options: { minBytes?: number } = {}): Promise<boolean> {
  if (options.minBytes && segmentBytes(journalDir) < options.minBytes) return false;
  // A snapshot is made from the rows: photos a rebuild still waits for (their libraries not scanned yet) have none.
  if (options.minBytes && (await db.pendingArrival.count()) > 0) return false;
  return db.$transaction(async (tx) => {
    const seq = await journalSeqOf(tx);
    const journal = readJournal(journalDir);
    if (journal.tailSeq > seq) return false;
    const ops = await snapshotDecisions(tx);
    const present = new Set(ops.flatMap((op) => (op.op === "asset.ingest" ? [op.sha256] : [])));
    const gone = [...purgedHashes([...journal.snapshot, ...journal.entries])].filter((sha) => !present.has(sha));
    if (gone.length > 0) ops.push({ op: "asset.purge", sha256s: gone, at: new Date().toISOString() });
    const old = listJournalFiles(journalDir);
    writeSnapshot(journalDir, seq, ops);
    const segment = startSegment(journalDir, seq + 1);
    for (const file of [...old.segments.map((s) => s.file), ...old.snapshots.filter((s) => s.seq !== seq).map((s) => s.file)]) if (file !== segment.file) fs.rmSync(file, { force: true });
    return true;
  }, { timeout: 600_000 });
}
