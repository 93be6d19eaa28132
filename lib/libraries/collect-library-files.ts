import { purgeTrash } from "@/lib/assets/purge-trash";
import type { Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import fs from "node:fs/promises";
import { COLLECT_AFTER_SCANS, MISSING_AFTER_SCANS } from "./scan-library";

/**
 * Forgets library files gone for good — flagged missing, then missed by two more scans
 * (COLLECT_AFTER_SCANS) — and removes from the gallery the assets left with no bytes anywhere
 * (rows and derived files through the purge; a library file is never touched). Only when every
 * library completed its last two scans available: a file that moved to a share that happened to
 * be away is not collected. Returns what was collected, or null when the
 * consensus is not there.
 */
export async function collectLibraryFiles(deps: { db: Db; paths: LibraryPaths }): Promise<{ files: number; assets: number } | null> {
  const { db, paths } = deps;
  const libraries = await db.library.findMany({ select: { state: true, availableScans: true } });
  if (libraries.length === 0 || libraries.some((l) => l.state !== "online" || l.availableScans < MISSING_AFTER_SCANS)) return null;
  const gone = await db.libraryFile.findMany({ where: { missingScans: { gte: COLLECT_AFTER_SCANS }, missingSince: { not: null } }, select: { id: true, assetId: true } });
  if (gone.length === 0) return { files: 0, assets: 0 };
  await db.libraryFile.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
  const orphans = await assetsWithoutBytes(db, paths, [...new Set(gone.map((g) => g.assetId).filter((id): id is string => id !== null))]);
  return { files: gone.length, assets: await dropAssets(deps, orphans) };
}

/** Of these assets, those with no library file left and no custody copy. */
export async function assetsWithoutBytes(db: Db, paths: LibraryPaths, ids: string[]): Promise<string[]> {
  const kept = new Set((await db.libraryFile.findMany({ where: { assetId: { in: ids } }, select: { assetId: true } })).map((f) => f.assetId));
  const candidates = await db.asset.findMany({ where: { id: { in: ids.filter((id) => !kept.has(id)) } }, select: { id: true, sha256: true, ext: true } });
  const out: string[] = [];
  for (const asset of candidates) if (!(await fs.lstat(originalPath(paths, asset.sha256, asset.ext)).catch(() => null))) out.push(asset.id);
  return out;
}

/** Removes assets from the gallery for good (trash, then the purge: rows and derived files only). */
export async function dropAssets(deps: { db: Db; paths: LibraryPaths }, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await deps.db.asset.updateMany({ where: { id: { in: ids } }, data: { trashedAt: new Date(0) } });
  return (await purgeTrash(deps, { ids })).purged;
}
