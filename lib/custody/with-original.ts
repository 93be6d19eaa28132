import fs from "node:fs/promises";
import path from "node:path";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { custodyPaths } from "./custody-paths";

/**
 * Runs `read` on an original's file: in `originals/`, or, when a purge moved it meanwhile, in the
 * graveyard (kept there while the caller holds it: holdGraveyard). Retries where the file went
 * while being read. `elsewhere`: further copies to read from (external-library files, read only).
 * False when it is in none of these places.
 */
export async function withOriginal(paths: LibraryPaths, sha256: string, ext: string, read: (file: string) => Promise<void>, elsewhere: string[] = []): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const graveyard = custodyPaths(paths).graveyard;
    const buried = (await fs.readdir(graveyard).catch(() => [])).map((dir) => path.join(graveyard, dir, `${sha256}.${ext}`));
    for (const file of [originalPath(paths, sha256, ext), ...buried, ...elsewhere]) {
      if (!(await fs.lstat(file).catch(() => null))) continue;
      try {
        await read(file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  return false;
}
