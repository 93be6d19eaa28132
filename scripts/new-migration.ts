// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL from the last migration's schema snapshot to the current prisma/schema.prisma.
import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, readMigrations } from "@/lib/server/migrate";
import { diffSchemas, SCHEMA_PATH, SCHEMA_SNAPSHOT } from "./schema-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}
const last = readMigrations().at(-1);
const previous = last ? fs.readFileSync(path.join(MIGRATIONS_DIR, last.name, SCHEMA_SNAPSHOT), "utf8") : null;
const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
const sql = await diffSchemas(previous, schema);
if (!sql) {
  console.log("The migrations already match prisma/schema.prisma; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
fs.writeFileSync(path.join(dir, SCHEMA_SNAPSHOT), schema);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
