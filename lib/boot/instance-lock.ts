import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The lock file every writer of a data dir holds (docs/reliability.md scenario 23). */
export const LOCK_FILE = ".albums-lock";

/** Another process (a running Albums, a restore, a rebuild…) holds the data dir. */
export class InstanceLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Albums is already running on ${dataDir} (another process holds ${path.join(dataDir, LOCK_FILE)}). ` +
        "Stop it first (one Albums per data dir); a start after a crash or kill -9 is never blocked by this lock.",
    );
    this.name = "InstanceLockedError";
  }
}

export type InstanceLock = { release: () => void };

/**
 * Takes the data dir's instance lock, held until `release` or until this process ends (the kernel
 * drops it even after kill -9: an fcntl lock SQLite takes on `.albums-lock` in exclusive locking
 * mode, not a pid file). Creates the data dir and the lock file when missing; throws
 * InstanceLockedError, changing nothing, when another process holds it.
 */
export function acquireInstanceLock(dataDir: string): InstanceLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = tryLock(path.join(dataDir, LOCK_FILE), false);
  if (!lock) throw new InstanceLockedError(dataDir);
  return { release: () => lock.close() };
}

/** True while a process holds the data dir's instance lock; creates nothing. */
export function isInstanceRunning(dataDir: string): boolean {
  const file = path.join(dataDir, LOCK_FILE);
  if (!fs.existsSync(file)) return false;
  const lock = tryLock(file, true);
  lock?.close();
  return lock === null;
}

/** Opens the lock file and takes SQLite's EXCLUSIVE lock on it, or returns null when it is held. */
function tryLock(file: string, fileMustExist: boolean): Database.Database | null {
  const db = new Database(file, { timeout: 0, fileMustExist });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    // No journal file beside the lock: the transaction below writes nothing.
    db.pragma("journal_mode = MEMORY");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") return null;
    throw error;
  }
}
