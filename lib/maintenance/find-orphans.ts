import path from "node:path";
import type { Db } from "@/lib/server/db";
import { entriesAtDepth } from "@/lib/server/entries-at-depth";
import type { LibraryPaths } from "@/lib/server/paths";

const ORIGINAL_NAME = /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/;
const SHA_DIR = /^[0-9a-f]{64}$/;

export type OrphanScan = {
  /** Rows in the database. */
  assets: number;
  /** Original files on disk. */
  originalFiles: number;
  /** Absolute paths: originals without a row, and derived folders (`derived/ab/cd/<sha>`) of no known original. */
  orphans: string[];
  /** Ids of rows whose original is not on disk. */
  missingOriginals: string[];
};

/** Compares `originals/` and `derived/` with the database, in both directions. Deletes nothing. */
export async function findOrphans(db: Db, paths: LibraryPaths): Promise<OrphanScan> {
  const assets = await db.asset.findMany({ select: { id: true, sha256: true, ext: true } });
  const known = new Set(assets.map((a) => `${a.sha256}.${a.ext}`));
  const knownSha = new Set(assets.map((a) => a.sha256));
  const files = await entriesAtDepth(paths.originals, 3);
  const onDisk = new Set(files.map((file) => path.basename(file)));
  const derived = await entriesAtDepth(paths.derived, 3, true);
  return {
    assets: assets.length,
    originalFiles: files.length,
    orphans: [
      ...files.filter((file) => ORIGINAL_NAME.test(path.basename(file)) && !known.has(path.basename(file))),
      ...derived.filter((dir) => SHA_DIR.test(path.basename(dir)) && !knownSha.has(path.basename(dir))),
    ],
    missingOriginals: assets.filter((a) => !onDisk.has(`${a.sha256}.${a.ext}`)).map((a) => a.id),
  };
}
