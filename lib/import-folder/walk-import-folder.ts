import fs from "node:fs/promises";
import path from "node:path";
import { IMPORTED_DIR, isIgnoredName } from "./ignored-name";

/** One regular file in the import folder as a poll saw it. */
export type ObservedFile = { path: string; size: number; mtimeMs: number };

/**
 * Every regular file under the import folder (sub-folders included; paths relative, "/"-separated),
 * leaving out temp names and dotfiles (isIgnoredName), symlinks and the top-level `imported/`
 * folder. Plain readdir + lstat, so it works on NFS/SMB mounts where no change events arrive.
 * Throws when the folder itself cannot be read (missing, unmounted): the caller then changes nothing.
 */
export async function walkImportFolder(root: string): Promise<ObservedFile[]> {
  const files: ObservedFile[] = [];
  const pending = [""];
  let seen = 0;
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === "") throw error;
      continue; // a sub-folder removed (or made unreadable) while we walk: the next poll sees it again
    }
    for (const entry of entries) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (isIgnoredName(entry.name) || child === IMPORTED_DIR) continue;
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile()) {
        const stat = await fs.lstat(path.join(root, child)).catch(() => null);
        if (stat?.isFile()) files.push({ path: child, size: stat.size, mtimeMs: stat.mtimeMs });
      }
      // A very large folder: let the worker's other loops run between batches.
      if (++seen % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return files;
}
