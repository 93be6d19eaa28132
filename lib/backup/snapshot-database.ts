import Database from "better-sqlite3";
import type { ManifestEntry } from "./create-backup";

export type DatabaseSnapshot = { assets: ManifestEntry[]; libraryId: string | null };

/**
 * Copies the live database to `copyPath` with SQLite's online backup API (a consistent snapshot
 * while Albums writes, never a file copy), checks the copy with `integrity_check` and lists the
 * originals it references.
 */
export async function snapshotDatabase(databasePath: string, copyPath: string): Promise<DatabaseSnapshot> {
  const live = new Database(databasePath, { readonly: true, timeout: 15_000 });
  try {
    await live.backup(copyPath);
  } finally {
    live.close();
  }
  const copy = new Database(copyPath, { readonly: true });
  try {
    if (copy.pragma("integrity_check", { simple: true }) !== "ok") throw new Error("the database copy failed integrity_check");
    const assets = (copy.prepare(`SELECT sha256, ext, size FROM "Asset" ORDER BY sha256`).all() as { sha256: string; ext: string; size: number | bigint }[]).map((a) => ({ ...a, size: Number(a.size) }));
    const libraryId = (copy.prepare(`SELECT value FROM "Setting" WHERE key = 'library.id'`).get() as { value: string } | undefined)?.value ?? null;
    return { assets, libraryId };
  } finally {
    copy.close();
  }
}
