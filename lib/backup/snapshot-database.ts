import Database from "better-sqlite3";
import path from "node:path";
import { BACKUP_EXTERNAL_KEY } from "@/lib/libraries/library-settings";
import type { ManifestEntry } from "./create-backup";

/**
 * `external`: where the bytes of assets indexed in external libraries are (sha256 → files), and
 * `includeExternal`: whether the owner asked for those to be backed up too (default: no).
 */
export type DatabaseSnapshot = { assets: ManifestEntry[]; libraryId: string | null; external: Map<string, string[]>; externalRoots: string[]; includeExternal: boolean };

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
    const external = new Map<string, string[]>();
    for (const row of copy.prepare(`SELECT f.sha256, l.root, f.relPath FROM "LibraryFile" f JOIN "Library" l ON l.id = f.libraryId WHERE f.assetId IS NOT NULL AND f.missingSince IS NULL`).all() as { sha256: string; root: string; relPath: string }[]) {
      external.set(row.sha256, [...(external.get(row.sha256) ?? []), path.join(row.root, row.relPath)]);
    }
    const externalRoots = (copy.prepare(`SELECT root FROM "Library" ORDER BY root`).all() as { root: string }[]).map((row) => row.root);
    const includeExternal = (copy.prepare(`SELECT value FROM "Setting" WHERE key = ?`).get(BACKUP_EXTERNAL_KEY) as { value: string } | undefined)?.value === "true";
    return { assets, libraryId, external, externalRoots, includeExternal };
  } finally {
    copy.close();
  }
}
