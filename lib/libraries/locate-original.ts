import path from "node:path";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { probeRegularFile } from "@/lib/server/stat-regular-file";

/** Where one location of an asset's bytes is: in custody (`originals/`) or a file of an external library. */
export type OriginalPlace = { where: "custody" } | { where: "library"; libraryId: string; root: string; relPath: string };

/**
 * The answer to "where are this asset's bytes and can they be read now":
 * - `present`: a readable copy (custody first, then an online library whose file still has the
 *   size and mtime its scan recorded);
 * - `offline`: not in custody, and every library holding it is stale (a NAS away): not lost;
 * - `unavailable`: the custody copy cannot be read (EIO, EACCES…): a disk fault, not lost;
 * - `absent`: nowhere (a custody original gone from disk, or no library file left).
 */
export type OriginalLocation =
  | { state: "present"; path: string; size: number; place: OriginalPlace }
  | { state: "offline"; libraryId: string }
  | { state: "unavailable"; code: string }
  | { state: "absent"; path: string };

export type LocatableAsset = { id: string; sha256: string; ext: string };

/**
 * The one resolver every reader of an original goes through (serving, ZIP, share links, jobs,
 * backup, maintenance scans; docs/libraries.md). Custody is looked at first (one lstat: uploads
 * never pay for libraries); library files are never opened for writing by anything it returns.
 */
export async function locateOriginal(db: Db, paths: LibraryPaths, asset: LocatableAsset): Promise<OriginalLocation> {
  const custody = originalPath(paths, asset.sha256, asset.ext);
  const probe = await probeRegularFile(custody, paths.originals);
  if (probe.state === "present") return { state: "present", path: custody, size: probe.size, place: { where: "custody" } };
  if (probe.state === "unavailable") return { state: "unavailable", code: probe.code };
  const files = await db.libraryFile.findMany({
    where: { assetId: asset.id, sha256: asset.sha256, missingSince: null },
    select: { relPath: true, size: true, library: { select: { id: true, root: true, state: true } } },
    orderBy: { id: "asc" },
  });
  let offline: string | null = null;
  for (const file of files) {
    if (file.library.state !== "online") {
      offline ??= file.library.id;
      continue;
    }
    const full = path.join(/*turbopackIgnore: true*/ file.library.root, file.relPath);
    const found = await probeRegularFile(full, file.library.root);
    if (found.state === "present" && found.size === Number(file.size)) {
      return { state: "present", path: full, size: found.size, place: { where: "library", libraryId: file.library.id, root: file.library.root, relPath: file.relPath } };
    }
    if (found.state === "unavailable") offline ??= file.library.id;
  }
  return offline ? { state: "offline", libraryId: offline } : { state: "absent", path: custody };
}
