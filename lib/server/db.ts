import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { getConfig } from "@/lib/config";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client or an interactive transaction's client (for operations that may run inside one). */
export type DbTx = Prisma.TransactionClient;

// Prisma's SQLite adapter opens interactive transactions (upserts on compound keys, etc.) with a
// deferred BEGIN. In WAL mode such a read-then-write transaction fails with SQLITE_BUSY_SNAPSHOT
// when another process (server, worker, import CLI) committed in between, and busy_timeout cannot
// help (RELIABILITY.md). Taking the write lock up front makes it wait its turn instead.
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function prepareImmediate(this: Database.Database, source: string) {
  return prepare.call(this, source === "BEGIN" ? "BEGIN IMMEDIATE" : source);
} as typeof prepare;

/** Opens a Prisma client on the SQLite file with the connection PRAGMAs Albums relies on. */
export async function openDb(databasePath: string): Promise<Db> {
  const adapter = new PrismaBetterSqlite3({ url: `file:${databasePath}`, timeout: 15_000 });
  // One SQLite connection per process: the few interactive transactions (upserts) queue for it,
  // so give them room under load instead of Prisma's 2 s default wait.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
  // WAL is persistent (set by the migration runner); these are per connection.
  await client.$queryRawUnsafe("PRAGMA synchronous = FULL");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 15000");
  await refreshPlannerStatistics(client);
  return client;
}

/**
 * Keeps SQLite's query-planner statistics current (`PRAGMA optimize`, sampling at most 1000 rows
 * per index, so it takes milliseconds). Without statistics the planner takes an index on a column
 * that is NULL almost everywhere (trashedAt, verifiedAt) for a selective one: a 51-id lookup
 * "WHERE id IN (…) AND trashedAt IS NULL" scanned 100k rows (59 ms) instead of 51 (1.4 ms).
 * Run when a connection opens and by the worker's maintenance tick.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA analysis_limit = 1000");
  await db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
}

const globalForDb = globalThis as unknown as { albumsDb?: Promise<Db> };

/** The process-wide Prisma client (one per process; nothing else constructs one). */
export function getDb(): Promise<Db> {
  globalForDb.albumsDb ??= openDb(getConfig().databasePath);
  return globalForDb.albumsDb;
}

/** SQLite stores Prisma DateTimes as ISO-8601 with `+00:00`; raw SQL must compare in that format. */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

const readers = new Map<string, Database.Database>();

/**
 * A read-only SQLite connection for hot read paths that return many rows (search filters, the
 * vector index): better-sqlite3 directly, without Prisma's per-row mapping (about 10× faster for
 * 100k ids or embeddings). WAL lets it read while the client writes. One per file per process.
 */
export function readConnection(databasePath: string): Database.Database {
  let reader = readers.get(databasePath);
  if (!reader) {
    reader = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 15_000 });
    readers.set(databasePath, reader);
  }
  return reader;
}
