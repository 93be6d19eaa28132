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
  const [real, realRoot] = await Promise.all([fs.realpath(filePath), realRootOf(root)]);
  return real.startsWith(realRoot + path.sep) ? stat.size : null;
}

// The data dir's own real path does not change while the process runs: resolved once per root,
// not on every thumbnail and original request.
const realRoots = new Map<string, string>();

async function realRootOf(root: string): Promise<string> {
  const known = realRoots.get(root);
  if (known) return known;
  const real = await fs.realpath(root);
  realRoots.set(root, real);
  return real;
}
