// `npm run db:migrate`: applies pending migrations to the configured database (a copy goes to
// ALBUMS_BACKUP_DIR/pre-migration/ first when it holds data); `npm start` does the same at boot.
// Exits 65 on a database migrated by a newer version, 1 on a failed migration.
import { parseConfig } from "@/lib/config";
import { applyMigrations, DatabaseNewerThanCode } from "@/lib/server/migrate";

const config = parseConfig();
try {
  const { applied, backup } = applyMigrations(config.databasePath, undefined, { backupDir: config.backupDir });
  process.stdout.write(applied.length > 0 ? `applied ${applied.join(", ")}${backup ? ` (copy before: ${backup})` : ""}\n` : "the database is up to date\n");
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof DatabaseNewerThanCode ? 65 : 1);
}
