import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { hashFile } from "@/lib/server/storage";

export type ScrubResult = { checked: number; bytes: number; corrupt: string[] };

/**
 * Slow bit-rot scrub: re-hashes originals, least recently verified first, until `byteBudget` is
 * spent. A mismatch marks the asset `corrupt` (restore it from a backup); the file is left as is.
 */
export async function scrubOriginals(db: Db, paths: LibraryPaths, byteBudget: number): Promise<ScrubResult> {
  const result: ScrubResult = { checked: 0, bytes: 0, corrupt: [] };
  while (result.bytes < byteBudget) {
    const batch = await db.asset.findMany({
      where: { fileState: { not: "missing" }, OR: [{ verifiedAt: null }, { verifiedAt: { lt: new Date(Date.now() - 60_000) } }] },
      orderBy: [{ verifiedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take: 20,
      select: { id: true, sha256: true, ext: true, size: true },
    });
    if (batch.length === 0) break;
    for (const asset of batch) {
      if (result.bytes >= byteBudget) break;
      const actual = await hashFile(originalPath(paths, asset.sha256, asset.ext)).catch(() => null);
      const state = actual === null ? "missing" : actual === asset.sha256 ? null : "corrupt";
      await db.asset.update({ where: { id: asset.id }, data: { verifiedAt: new Date(), ...(state ? { fileState: state } : {}) } });
      if (state === "corrupt") result.corrupt.push(asset.id);
      result.checked += 1;
      result.bytes += Number(asset.size);
    }
  }
  return result;
}
