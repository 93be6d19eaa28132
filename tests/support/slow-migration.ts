// Child process for the kill -9 test: applies a deliberately slow extra migration.
import { applyMigrations, readMigrations } from "@/lib/server/migrate";

const file = process.argv[2]!;
process.stdout.write("starting\n");
applyMigrations(file, [
  ...readMigrations(),
  {
    name: "99990101000000_slow",
    checksum: "e".repeat(64),
    sql: `CREATE TABLE "Big" (n INTEGER, pad TEXT);
          WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 30000000)
          INSERT INTO "Big" SELECT n, hex(randomblob(16)) FROM c;`,
  },
]);
