import { journalDirOf, readJournal } from "./journal-files";
import type { JournalOp } from "./journal-entry";

/**
 * The originals the owner purged for good, by SHA-256, from the journal's ops in order: a purge
 * counts for bytes then in the trash (or of unknown state), and a later arrival of the same bytes
 * cancels it. A file in `originals/` with one of these hashes is a leftover of an interrupted purge,
 * not a photo to list again (the rebuild skips it; adoption should too).
 */
export function purgedHashes(ops: Iterable<JournalOp>): Set<string> {
  const trashed = new Map<string, boolean>();
  const purged = new Set<string>();
  for (const op of ops) {
    if (op.op === "asset.ingest") {
      purged.delete(op.sha256);
      trashed.set(op.sha256, false);
    } else if (op.op === "asset.update" && op.trashed !== undefined) {
      for (const sha of op.sha256s) trashed.set(sha, op.trashed);
    } else if (op.op === "asset.takeout" && op.intoTrash) {
      trashed.set(op.sha256, true);
    } else if (op.op === "asset.purge") {
      for (const sha of op.sha256s) if (trashed.get(sha) !== false) purged.add(sha);
    }
  }
  return purged;
}

/** The hashes the journal of the library whose database is `databaseFile` says were purged. */
export function purgedInJournal(databaseFile: string): Set<string> {
  const { snapshot, entries } = readJournal(journalDirOf(databaseFile));
  return purgedHashes([...snapshot, ...entries]);
}
