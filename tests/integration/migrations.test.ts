// Migrations: the versioned SQL matches prisma/schema.prisma, an old database upgrades with its
// data, edits and failures are refused loudly, and a kill -9 mid-migration never half-applies.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations, type Migration } from "@/lib/server/migrate";
import { diffSchemas, SCHEMA_PATH, SCHEMA_SNAPSHOT } from "@/scripts/schema-diff";
import { MIGRATIONS_DIR } from "@/lib/server/migrate";

const dirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-migrate-"));
  dirs.push(dir);
  return path.join(dir, "albums.db");
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Tables, columns, indexes and foreign keys of a database, comparable across builds. */
function describeSchema(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return tables.map((table) => ({
      table,
      // Column order differs legitimately (ALTER TABLE appends); compare by name.
      columns: (db.pragma(`table_info("${table}")`) as { name: string; cid: number }[]).map((column) => ({ ...column, cid: 0 })).sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (db.pragma(`index_list("${table}")`) as { name: string; unique: number }[])
        .map((i) => ({ name: i.name, unique: i.unique, columns: db.pragma(`index_xinfo("${i.name}")`) }))
        .sort((x, y) => x.name.localeCompare(y.name)),
      foreignKeys: db.pragma(`foreign_key_list("${table}")`),
    }));
  } finally {
    db.close();
  }
}

describe("migrations", () => {
  it("build exactly the schema in prisma/schema.prisma (no drift)", async () => {
    const migrated = tempDb();
    applyMigrations(migrated);
    const fromSchema = tempDb();
    const db = new Database(fromSchema);
    db.exec(await diffSchemas(null, fs.readFileSync(SCHEMA_PATH, "utf8")));
    db.close();
    expect(describeSchema(migrated)).toEqual(describeSchema(fromSchema));
    const last = readMigrations().at(-1)!;
    expect(fs.readFileSync(path.join(MIGRATIONS_DIR, last.name, SCHEMA_SNAPSHOT), "utf8")).toBe(fs.readFileSync(SCHEMA_PATH, "utf8"));
  });

  it("upgrade a database created by the first migration, keeping its data, and record prisma-compatible history", () => {
    const file = tempDb();
    const all = readMigrations();
    applyMigrations(file, all.slice(0, 1));
    const db = new Database(file);
    const at = "2024-01-01T00:00:00.000+00:00";
    db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('old', 'kept', ?)`).run(at);
    db.prepare(`INSERT INTO "Asset" (id, sha256, kind, mimeType, ext, size, originalName, source, capturedAt, capturedAtSource, updatedAt) VALUES ('a1', ?, 'photo', 'image/jpeg', 'jpg', 10, 'x.jpg', 'upload', ?, 'exif', ?)`).run("a".repeat(64), at, at);
    db.prepare(`INSERT INTO "AssetName" (assetId, name, source, createdAt) VALUES ('a1', 'x.jpg', 'upload', ?)`).run(at);
    db.prepare(`INSERT INTO "Job" (kind, key, assetId, runAfter, createdAt, updatedAt) VALUES ('thumbnail', 'thumbnail:a1', 'a1', ?, ?, ?)`).run(at, at, at);
    db.close();
    const extra: Migration = { name: "99990101000000_test_add_column", sql: `ALTER TABLE "Setting" ADD COLUMN "note" TEXT;`, checksum: "c".repeat(64) };
    const result = applyMigrations(file, [...all, extra]);
    expect(result.applied).toEqual([...all.slice(1).map((m) => m.name), extra.name]);
    const after = new Database(file, { readonly: true });
    expect(after.prepare(`SELECT value, note FROM "Setting" WHERE key='old'`).get()).toEqual({ value: "kept", note: null });
    // Table rebuilds in later migrations must not cascade-delete children of the old rows.
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "Asset"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "AssetName"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "Job"`).get()).toEqual({ n: 1 });
    const history = after.prepare(`SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at, migration_name`).all();
    after.close();
    expect(history).toHaveLength(all.length + 1);
    expect(history[0]).toEqual({ migration_name: all[0]!.name, checksum: all[0]!.checksum, finished: 1, applied_steps_count: 1 });
    expect(applyMigrations(file, [...all, extra]).applied).toEqual([]);
  });

  it("refuse an edited migration, an unknown newer one, and a half-finished one", () => {
    const file = tempDb();
    const all = readMigrations();
    applyMigrations(file, all);
    expect(() => applyMigrations(file, all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m)))).toThrow(/edited after it was applied/);
    expect(() => applyMigrations(file, all.slice(0, 0))).toThrow(/newer version of Albums \(migrations? .* unknown to this version\)/);
    const db = new Database(file);
    db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', 'zz_broken', '2024-01-01', 0)`).run();
    db.close();
    expect(() => applyMigrations(file, all)).toThrow(/started but never finished/);
  });

  it("roll a failing migration back completely", () => {
    const file = tempDb();
    const all = readMigrations();
    applyMigrations(file, all);
    const failing: Migration = { name: "99990101000000_broken", sql: `CREATE TABLE "Half" (id INTEGER); INSERT INTO "Nope" VALUES (1);`, checksum: "d".repeat(64) };
    expect(() => applyMigrations(file, [...all, failing])).toThrow(/failed and was rolled back/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: all.length });
    db.close();
  });

  it("back a database with data up before upgrading it, and put it back when a later migration of the batch fails (scenario 28)", () => {
    const file = tempDb();
    const backupDir = path.join(path.dirname(file), "backups");
    const all = readMigrations();
    expect(applyMigrations(file, all, { backupDir }).backup).toBeNull(); // a new, empty database: nothing to keep
    expect(fs.existsSync(backupDir)).toBe(false);
    const db = new Database(file);
    db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('owner.choice', 'kept', '2024-01-01')`).run();
    db.close();
    const addColumn: Migration = { name: "99990101000000_add_note", sql: `ALTER TABLE "Setting" ADD COLUMN "note" TEXT; UPDATE "Setting" SET value = 'changed';`, checksum: "a".repeat(64) };
    const failing: Migration = { name: "99990102000000_broken", sql: `CREATE TABLE "Half" (id INTEGER); INSERT INTO "Nope" VALUES (1);`, checksum: "b".repeat(64) };
    let message = "";
    try {
      applyMigrations(file, [...all, addColumn, failing], { backupDir });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Migration 99990102000000_broken failed and was rolled back: .*The database is as it was before this upgrade; a copy from just before it is at .*pre-migration\/\d{8}T\d{9}Z-before-99990101000000_add_note\.db/);
    const copy = /at (\S+\.db)/.exec(message)![1]!;
    const after = new Database(file, { readonly: true });
    expect(after.pragma("integrity_check", { simple: true })).toBe("ok");
    expect((after.pragma(`table_info("Setting")`) as { name: string }[]).map((c) => c.name)).not.toContain("note");
    expect(after.prepare(`SELECT value FROM "Setting" WHERE key = 'owner.choice'`).get()).toEqual({ value: "kept" });
    expect(after.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: all.length });
    after.close();
    const saved = new Database(copy, { readonly: true });
    expect(saved.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(saved.prepare(`SELECT value FROM "Setting" WHERE key = 'owner.choice'`).get()).toEqual({ value: "kept" });
    saved.close();
    const notADir = path.join(path.dirname(file), "a-file");
    fs.writeFileSync(notADir, "");
    expect(() => applyMigrations(file, [...all, addColumn], { backupDir: notADir })).toThrow(/^Could not copy the database to .*a-file\/pre-migration before upgrading it .*nothing was changed/);
    expect(applyMigrations(file, all).applied).toEqual([]); // still not upgraded
    const upgraded = applyMigrations(file, [...all, addColumn], { backupDir });
    expect(upgraded.applied).toEqual([addColumn.name]);
    expect(upgraded.backup).toMatch(/pre-migration\/.*-before-99990101000000_add_note\.db$/);
    expect(fs.existsSync(upgraded.backup!)).toBe(true);
  });

  it("at start-up, upgrading a library with data logs where the copy taken first is", async () => {
    const file = tempDb();
    const backupDir = path.join(path.dirname(file), "elsewhere");
    applyMigrations(file, readMigrations().slice(0, 1));
    const db = new Database(file);
    db.prepare(`INSERT INTO "Setting" (key, value, updatedAt) VALUES ('owner.choice', 'kept', '2024-01-01')`).run();
    db.close();
    const { parseConfig } = await import("@/lib/config");
    const { prepareLibrary } = await import("@/lib/server/prepare-library");
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const log = { debug: () => {}, info: (m: string, f?: Record<string, unknown>) => lines.push([m, f]), warn: () => {}, error: () => {} };
    await prepareLibrary(parseConfig({ ALBUMS_DATA_DIR: path.dirname(file), ALBUMS_BACKUP_DIR: backupDir }), log);
    const migrated = lines.find(([m]) => m === "database migrated")?.[1];
    expect(migrated?.backupBeforeMigrating).toMatch(new RegExp(`^${backupDir}/pre-migration/\\d{8}T\\d{9}Z-before-${readMigrations()[1]!.name}\\.db$`));
    const copy = new Database(migrated!.backupBeforeMigrating as string, { readonly: true });
    expect(copy.prepare(`SELECT value FROM "Setting" WHERE key = 'owner.choice'`).get()).toEqual({ value: "kept" });
    expect(copy.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: 1 });
    copy.close();
  });

  it("survive kill -9 in the middle of a long migration: all or nothing (scenario 20)", async () => {
    const file = tempDb();
    applyMigrations(file);
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../support/slow-migration.ts"), file], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const db = new Database(file);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Big'`).get();
    const recorded = db.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE migration_name LIKE '%slow%'`).get() as { n: number };
    db.close();
    expect(Boolean(table)).toBe(recorded.n === 1);
    expect(recorded.n).toBe(0); // killed long before it could finish
    expect(applyMigrations(file).applied).toEqual([]);
  });
});
