import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

const KEEP = 3;

/**
 * Copies the database (open as `db`, before any pending migration runs) to
 * `<backupDir>/pre-migration/<time>-before-<migration>.db` with `VACUUM INTO` — a consistent,
 * synchronous copy — fsyncs it and keeps the newest three such copies. Returns the copy's path;
 * throws (so nothing is migrated) when the copy cannot be made.
 */
export function backupBeforeMigration(db: Database.Database, backupDir: string, migration: string, now = new Date()): string {
  const dir = path.join(backupDir, "pre-migration");
  const file = path.join(dir, `${now.toISOString().replace(/[-:.]/g, "")}-before-${migration}.db`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    db.prepare("VACUUM INTO ?").run(file);
    fsyncPath(file);
    fsyncPath(dir);
  } catch (error) {
    if (fs.existsSync(file)) fs.rmSync(file);
    throw new Error(`Could not copy the database to ${dir} before upgrading it (${(error as Error).message}); nothing was changed. Make ALBUMS_BACKUP_DIR writable (or free space there) and start again.`, { cause: error });
  }
  for (const old of fs.readdirSync(dir).filter((f) => f.endsWith(".db")).sort().slice(0, -KEEP)) fs.rmSync(path.join(dir, old), { force: true });
  return file;
}

/**
 * Puts the copy back as the database at `databasePath` (every connection to it closed): written
 * beside it, fsynced, renamed over it, and its WAL and shared-memory files removed so no frame of
 * the failed upgrade is replayed onto the restored file.
 */
export function restoreBeforeMigration(copy: string, databasePath: string): void {
  const temp = `${databasePath}.restoring`;
  fs.copyFileSync(copy, temp);
  fsyncPath(temp);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  fs.renameSync(temp, databasePath);
  fsyncPath(path.dirname(databasePath));
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
