import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { entriesAtDepth } from "@/lib/server/entries-at-depth";
import type { LibraryPaths } from "@/lib/server/paths";

export type ReconcileResult = { orphanFilesRemoved: number; orphanDerivedRemoved: number; missingOriginals: string[] };

const ORIGINAL_NAME = /^([0-9a-f]{64})\.[a-z0-9]{1,5}$/;
const SHA_DIR = /^[0-9a-f]{64}$/;

/**
 * Recovery sweep run at start, while nothing else writes: an original on disk without a row was
 * never acknowledged (the process died between rename and commit) and is removed; derived dirs of
 * unknown originals too. Rows whose original is gone are reported, never deleted.
 */
export async function reconcileOriginals(db: Db, paths: LibraryPaths): Promise<ReconcileResult> {
  const assets = await db.asset.findMany({ select: { id: true, sha256: true, ext: true } });
  const known = new Set(assets.map((a) => `${a.sha256}.${a.ext}`));
  const knownSha = new Set(assets.map((a) => a.sha256));
  let orphanFilesRemoved = 0;
  const seen = new Set<string>();
  for (const file of await entriesAtDepth(paths.originals, 3)) {
    const name = path.basename(file);
    if (known.has(name)) {
      seen.add(name);
      continue;
    }
    if (ORIGINAL_NAME.test(name)) {
      await fs.rm(file, { force: true });
      orphanFilesRemoved += 1;
    }
  }
  let orphanDerivedRemoved = 0;
  // derived/ab/cd/<sha256>/: the folders of each original sit three levels down.
  for (const dir of await entriesAtDepth(paths.derived, 3, true)) {
    if (SHA_DIR.test(path.basename(dir)) && !knownSha.has(path.basename(dir))) {
      await fs.rm(dir, { recursive: true, force: true });
      orphanDerivedRemoved += 1;
    }
  }
  const missingOriginals = assets.filter((a) => !seen.has(`${a.sha256}.${a.ext}`)).map((a) => a.id);
  return { orphanFilesRemoved, orphanDerivedRemoved, missingOriginals };
}
