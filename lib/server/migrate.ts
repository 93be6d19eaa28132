import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { backupBeforeMigration, restoreBeforeMigration } from "@/lib/backup/backup-before-migration";

/** One migration folder in Prisma's format: `prisma/migrations/<name>/migration.sql`. */
export type Migration = { name: string; sql: string; checksum: string };

export type MigrationResult = { applied: string[]; alreadyApplied: number; /** The copy taken before upgrading a database that had data, or null. */ backup: string | null };

export type MigrateOptions = { /** Where a copy of the database goes before upgrading one that already has data (none when unset). */ backupDir?: string };

// The table `prisma migrate deploy` keeps; we write the same rows so either tool can take over.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

type HistoryRow = {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
};

/** The database was migrated by a newer version of Albums: this code must not run on it (boot exits 65). */
export class DatabaseNewerThanCode extends Error {
  constructor(databasePath: string, readonly unknownMigrations: string[]) {
    super(
      `The database ${databasePath} was upgraded by a newer version of Albums (migration${unknownMigrations.length > 1 ? "s" : ""} ${unknownMigrations.join(", ")} unknown to this version), ` +
        `so this version refuses to run on it rather than misread it. Go back to the newer version (git checkout <its tag>; npm install; npm start), ` +
        `or put back the copy of the database taken before that upgrade (ALBUMS_BACKUP_DIR/pre-migration/, or npm run restore).`,
    );
    this.name = "DatabaseNewerThanCode";
  }
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Reads the versioned migrations, ordered by folder name (timestamp prefix). */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations to the SQLite file at `databasePath`, compatible with
 * `prisma migrate deploy`. Each migration and its history row commit in one transaction,
 * so a crash leaves the schema either fully migrated or untouched (RELIABILITY scenario 20).
 * Refuses loudly on edited or failed migrations.
 *
 * Before upgrading a database that already has migrations applied (so holds the owner's data) it is
 * copied into `<backupDir>/pre-migration/` (RELIABILITY scenario 28). Any pending migration counts,
 * not only ALTER/DROP: table rebuilds, UPDATEs and DELETEs change data too, and one copy of the
 * database costs seconds. If a later migration of the batch fails after earlier ones committed,
 * the copy is put back, so the database is exactly as before the upgrade; the error names the copy.
 */
export function applyMigrations(databasePath: string, migrations: Migration[] = readMigrations(), options: MigrateOptions = {}): MigrationResult {
  const db = new Database(databasePath, { timeout: 15_000 });
  let open = true;
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = OFF");
    db.exec(HISTORY_TABLE);
    const history = db
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as HistoryRow[];
    const done = new Map<string, HistoryRow>();
    for (const row of history) {
      if (row.rolled_back_at) continue;
      if (!row.finished_at) {
        throw new Error(
          `Migration ${row.migration_name} was started but never finished (by another tool). ` +
            `Restore the database from a backup, or resolve it with \`prisma migrate resolve\`.`,
        );
      }
      done.set(row.migration_name, row);
    }
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) throw new DatabaseNewerThanCode(databasePath, unknown);
    const pending: Migration[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (!previous) pending.push(migration);
      else if (previous.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was edited after it was applied (checksum mismatch).`);
      }
    }
    const backup = pending.length > 0 && done.size > 0 && options.backupDir ? backupBeforeMigration(db, options.backupDir, pending[0]!.name) : null;
    const applied: string[] = [];
    for (const migration of pending) {
      try {
        applyOne(db, migration);
      } catch (error) {
        if (!backup) throw error;
        if (applied.length > 0) {
          db.close();
          open = false;
          restoreBeforeMigration(backup, databasePath);
        }
        throw new Error(`${(error as Error).message}. The database is as it was before this upgrade; a copy from just before it is at ${backup}.`, { cause: error });
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size, backup };
  } finally {
    if (open) db.close();
  }
}

function applyOne(db: Database.Database, migration: Migration): void {
  const now = new Date().toISOString();
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(migration.sql);
    const violations = db.pragma("foreign_key_check") as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration ${migration.name} leaves ${violations.length} foreign key violation(s).`);
    }
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, now);
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}
