import { locateOriginal, type LocatableAsset } from "@/lib/libraries/locate-original";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { hashFile } from "@/lib/server/storage";

/** `changed`: library photos whose bytes differ from their scan's (a re-scan of their library is requested). */
export type ScrubResult = { checked: number; bytes: number; corrupt: string[]; unavailable: string[]; changed: string[] };

/**
 * Slow bit-rot scrub: re-hashes originals, least recently verified first, until `byteBudget` is
 * spent. A mismatch marks the asset `corrupt` (restore it from a backup); the file is left as is.
 * A read that fails is not a mismatch: EIO, EACCES… mark it `unavailable` (ok again once it reads
 * back right), and ENOENT is left to the missing-file scan, which checks the volume first.
 * Originals that live only in an external library are re-hashed where they are (read only; the
 * same byte budget): different bytes with the same size, mtime and inode — which a library scan
 * cannot see — are a change in place, not rot in Albums' custody: the file's row forgets its mtime
 * and its library is asked for a scan, which hashes it and re-analyses the photo (`changed`).
 * Photos of a stale library are skipped (looked at again in a later round).
 */
export async function scrubOriginals(db: Db, paths: LibraryPaths, byteBudget: number): Promise<ScrubResult> {
  const result: ScrubResult = { checked: 0, bytes: 0, corrupt: [], unavailable: [], changed: [] };
  while (result.bytes < byteBudget) {
    const batch = await db.asset.findMany({
      where: { fileState: { not: "missing" }, OR: [{ verifiedAt: null }, { verifiedAt: { lt: new Date(Date.now() - 60_000) } }] },
      orderBy: [{ verifiedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take: 20,
      select: { id: true, sha256: true, ext: true, size: true, fileState: true },
    });
    if (batch.length === 0) break;
    for (const asset of batch) {
      if (result.bytes >= byteBudget) break;
      const state = await verdict(db, paths, asset);
      await db.asset.update({ where: { id: asset.id }, data: { verifiedAt: new Date(), ...(state && state !== "changed" ? { fileState: state } : {}) } });
      if (state === "changed") result.changed.push(asset.id);
      if (state === "corrupt") result.corrupt.push(asset.id);
      if (state === "unavailable") result.unavailable.push(asset.id);
      result.checked += 1;
      result.bytes += Number(asset.size);
    }
  }
  return result;
}

/** The fileState a re-hash calls for (or `changed`: a library file to scan again), or null to leave it as it is. */
async function verdict(db: Db, paths: LibraryPaths, asset: LocatableAsset & { fileState: string }): Promise<string | null> {
  const located = await locateOriginal(db, paths, asset);
  if (located.state === "offline") return null; // its library is stale: nothing to read now
  if (located.state === "present" && located.place.where === "library") {
    const { libraryId, relPath } = located.place;
    // A read error there is the library's (unmounted, permissions): its scan's probe says so.
    if ((await hashFile(located.path).catch(() => asset.sha256)) === asset.sha256) return null;
    await db.libraryFile.updateMany({ where: { libraryId, relPath }, data: { mtimeMs: -1 } });
    await db.library.update({ where: { id: libraryId }, data: { scanRequested: true } });
    return "changed";
  }
  try {
    if ((await hashFile(originalPath(paths, asset.sha256, asset.ext))) !== asset.sha256) return "corrupt";
    return asset.fileState === "unavailable" ? "ok" : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : "unavailable";
  }
}
