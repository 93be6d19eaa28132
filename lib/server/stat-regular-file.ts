import fs from "node:fs/promises";
import path from "node:path";

/**
 * Size of a regular file (not a symlink) whose real path stays under `root`, or null. Serving
 * paths are built from ids and hashes, but a symlink planted in the data dir (as the file or as a
 * folder on the way) must still never lead out of it.
 */
export async function statRegularFile(filePath: string, root: string): Promise<number | null> {
  const stat = await fs.lstat(filePath).catch(() => null);
  if (!stat?.isFile()) return null;
  const [real, realRoot] = await Promise.all([fs.realpath(filePath), fs.realpath(root)]);
  return real.startsWith(realRoot + path.sep) ? stat.size : null;
}
