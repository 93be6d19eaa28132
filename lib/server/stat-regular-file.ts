import fs from "node:fs/promises";
import path from "node:path";

/**
 * What a look at a stored file found: there (its size), provably absent (ENOENT/ENOTDIR, or not
 * a regular file under its root), or unreadable for another reason (EIO, EACCES, ESTALE…), which
 * says nothing about whether the file exists (docs/reliability.md scenario 24).
 */
export type FileProbe = { state: "present"; size: number } | { state: "absent" } | { state: "unavailable"; code: string };

const ABSENT = new Set(["ENOENT", "ENOTDIR"]);

/**
 * Probes a regular file (not a symlink) whose real path must stay under `root`. Serving paths are
 * built from ids and hashes, but a symlink planted in the data dir (as the file or as a folder on
 * the way) must still never lead out of it: such a file counts as absent.
 */
export async function probeRegularFile(filePath: string, root: string): Promise<FileProbe> {
  try {
    const stat = await fs.lstat(filePath);
    if (!stat.isFile()) return { state: "absent" };
    const [real, realRoot] = await Promise.all([fs.realpath(filePath), realRootOf(root)]);
    return real.startsWith(realRoot + path.sep) ? { state: "present", size: stat.size } : { state: "absent" };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "EUNKNOWN";
    return ABSENT.has(code) ? { state: "absent" } : { state: "unavailable", code };
  }
}

/** Size of a regular file under `root` (as probeRegularFile), or null when it cannot be served. */
export async function statRegularFile(filePath: string, root: string): Promise<number | null> {
  const probe = await probeRegularFile(filePath, root);
  return probe.state === "present" ? probe.size : null;
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
