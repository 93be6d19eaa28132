import fs from "node:fs";
import path from "node:path";
import type { IngestDeps } from "@/lib/assets/ingest-asset";
import type { Config } from "@/lib/config";
import { adoptOriginal } from "@/lib/custody/adopt-original";
import { ORIGINAL_NAME } from "@/lib/custody/custody-paths";
import { openDb } from "@/lib/server/db";
import { entriesAtDepth } from "@/lib/server/entries-at-depth";
import { applyMigrations } from "@/lib/server/migrate";
import { recordLibraryId } from "@/lib/server/open-library";
import { libraryPaths } from "@/lib/server/paths";
import { withoutJournal } from "./append-journal";
import { awaitArrivals } from "./await-arrivals";
import { journalDirOf, readJournal, syncDir } from "./journal-files";
import { purgedHashes } from "./purged-hashes";
import { replayJournal } from "./replay-journal";

const PARALLEL = 4;

export type RebuildProgress = { phase: "originals" | "journal"; done: number; total: number };

export type RebuildResult = {
  originals: number;
  adopted: number;
  /** Already listed by an interrupted earlier run. */
  alreadyListed: number;
  /** Files whose bytes the owner purged (an interrupted purge left them): not listed again, left in place. */
  purged: number;
  /** Files adoption could not take (with why): quarantined, or left in place after an I/O fault. */
  notAdopted: { file: string; reason: string }[];
  replayed: number;
  /** Photos with decisions that live in external libraries: their scans bring them back, decisions and all. */
  awaited: number;
};

/** Refusal to rebuild (the message says why and what to do). */
export class RebuildRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RebuildRefused";
  }
}

/**
 * Re-creates the library index from `originals/` and the journal, into a fresh database: every
 * original is listed again through custody's adoption (its own bytes through the ingest path,
 * source `recovered`; thumbnails and ML queued as for any ingest), then the
 * journal is replayed (snapshot and entries), restoring names, albums, favourites, trash, people,
 * external libraries; photos the journal knows that live in those libraries wait for their scan
 * (awaitArrivals), which applies their decisions when it finds their bytes again.
 * Built in `albums.db.rebuild` and renamed into place at the end, so a start never sees half an
 * index; killed and re-run, it resumes there (rows keyed by SHA-256, albums by id: nothing twice).
 * Refuses when a database exists or the data dir is not a marked library. Originals are only read
 * (adoption moves a file it cannot take, not named by its hash or not a type Albums stores, to the
 * quarantine).
 * The caller holds the data dir's instance lock.
 */
export async function rebuildLibrary(config: Config, onProgress: (p: RebuildProgress) => void = () => {}): Promise<RebuildResult> {
  const paths = libraryPaths(config.dataDir, config.databasePath);
  const libraryId = fs.existsSync(paths.marker) ? fs.readFileSync(paths.marker, "utf8").trim() : "";
  if (!libraryId) throw new RebuildRefused(`${paths.root} is not an Albums library (no ${path.basename(paths.marker)}); nothing to rebuild.`);
  if (fs.existsSync(paths.database)) throw new RebuildRefused(`${paths.database} exists; the rebuild never replaces a database. Move it (and its -wal/-shm files) away first if it is the one to replace.`);
  const work = `${paths.database}.rebuild`;
  applyMigrations(work);
  recordLibraryId(work, libraryId);
  const db = await openDb(work);
  try {
    const journalDir = journalDirOf(paths.database);
    const journal = readJournal(journalDir);
    const purged = purgedHashes([...journal.snapshot, ...journal.entries]);
    const files = await entriesAtDepth(paths.originals, 3);
    const listed = new Set((await db.asset.findMany({ select: { sha256: true } })).map((a) => a.sha256));
    const result: RebuildResult = { originals: files.length, adopted: 0, alreadyListed: 0, purged: 0, notAdopted: [], replayed: 0, awaited: 0 };
    const deps: IngestDeps = { db, paths: { ...paths, database: work }, config };
    let done = 0;
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const sha = ORIGINAL_NAME.exec(path.basename(file))?.[1];
        if (sha && listed.has(sha)) result.alreadyListed += 1;
        else if (sha && purged.has(sha)) result.purged += 1;
        else {
          const outcome = await withoutJournal(() => adoptOriginal(deps, file));
          if (outcome.status === "quarantined") result.notAdopted.push({ file, reason: `moved to the quarantine: ${outcome.reason}` });
          else if (outcome.status === "failed") result.notAdopted.push({ file, reason: outcome.reason });
          else result.adopted += 1;
        }
        onProgress({ phase: "originals", done: (done += 1), total: files.length });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    onProgress({ phase: "journal", done: 0, total: journal.snapshot.length + journal.entries.length });
    result.replayed = await replayJournal(db, journalDir, { fromSnapshot: true });
    result.awaited = await awaitArrivals(db, journal, config.libraries.length);
    onProgress({ phase: "journal", done: journal.snapshot.length + journal.entries.length, total: journal.snapshot.length + journal.entries.length });
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
    fs.renameSync(work, paths.database);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${work}${suffix}`, { force: true });
    syncDir(path.dirname(paths.database));
    return result;
  } finally {
    await db.$disconnect();
  }
}
