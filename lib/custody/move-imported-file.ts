import fs from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { hashFile, syncFile } from "@/lib/server/storage";
import { isInside } from "./custody-paths";

export type ImportedMove = {
  /** The import folder (ALBUMS_IMPORT_DIR, apart from the data dir). */
  folder: string;
  /** The file, relative to the folder ("/"-separated). */
  from: string;
  /** Where an earlier, interrupted move put its hard link (relative), if it got that far. */
  to: string | null;
  /** The content the file must have: that of the asset it was ingested as. */
  sha256: string;
  /** That asset's original in `originals/`. */
  original: string;
};

/**
 * The one place Albums moves a file out of the import folder (ALBUMS_IMPORT_MOVE): to
 * `imported/<same relative path>` (a free name with " (1)", " (2)"… when taken; nothing is
 * overwritten). Refuses unless the stored original and the file both hash to the asset's SHA-256
 * (the ingest is durable and it is the same bytes), and never touches the data dir. The move is a
 * hard link, fsynced, then the unlink of the old name once the new one is verified to be the same
 * inode: killed at any step, the file is still in the import folder or already in `imported/`.
 * `record(to)` is awaited before the link is made, so a retry finds and finishes it. Returns `to`.
 */
export async function moveImportedFile(paths: LibraryPaths, move: ImportedMove, record: (to: string) => Promise<void>): Promise<string> {
  const folder = path.resolve(move.folder);
  const imported = path.join(folder, "imported");
  const source = path.join(folder, ...move.from.split("/"));
  const refuse = (why: string): never => {
    throw new Error(`custody: refusing to move ${source} to imported/: ${why}`);
  };
  if (folder === paths.root || isInside(folder, paths.root) || isInside(paths.root, folder)) refuse("the import folder overlaps the data dir");
  if (!isInside(folder, source) || source === imported || isInside(imported, source)) refuse("not a file of the import folder");
  if (!isInside(paths.originals, move.original) || (await hashFile(move.original)) !== move.sha256) refuse("the stored original is missing or does not match");
  if ((await hashFile(source)) !== move.sha256) refuse("the file changed since it was ingested");

  const sourceStat = await fs.lstat(source);
  const sameFile = async (rel: string) => {
    const stat = await fs.lstat(path.join(folder, ...rel.split("/"))).catch(() => null);
    return stat !== null && stat.ino === sourceStat.ino && stat.dev === sourceStat.dev;
  };
  let to = move.to !== null && (await sameFile(move.to)) ? move.to : null;
  for (let n = 0; to === null; n += 1) {
    const candidate = withSuffix(`imported/${move.from}`, n);
    const target = path.join(folder, ...candidate.split("/"));
    if (!isInside(imported, target)) refuse("the destination leaves imported/");
    if (await fs.lstat(target).catch(() => null)) continue;
    await record(candidate);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const linked = await fs.link(source, target).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "EEXIST") return false; // someone took the name meanwhile: the next one
        throw new Error(`cannot move ${move.from} to imported/ (${error.code ?? error.message}); this folder's filesystem needs hard links for ALBUMS_IMPORT_MOVE`);
      },
    );
    if (linked) to = candidate;
  }
  if (!(await sameFile(to))) refuse(`${to} is not the same file`);
  await syncFile(path.dirname(path.join(folder, ...to.split("/"))));
  await fs.unlink(source);
  await syncFile(path.dirname(source));
  return to;
}

/** `imported/a/IMG.jpg` → `imported/a/IMG (2).jpg` for n = 2 (n = 0: unchanged). */
function withSuffix(rel: string, n: number): string {
  if (n === 0) return rel;
  const ext = path.posix.extname(rel);
  return `${rel.slice(0, rel.length - ext.length)} (${n})${ext}`;
}
