import fs from "node:fs/promises";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import { derivedDir, originalPath, type LibraryPaths } from "@/lib/server/paths";

export type PurgeScope = { ids: string[] } | { trashedBefore: Date } | { all: true };

/**
 * Deletes trashed assets for good: these ids (only if trashed), everything trashed before a date
 * (the worker's "after N days" rule), or the whole trash. Rows go first (faces, names, album
 * membership and jobs cascade, search entries are marked stale); then each original file and its
 * derived folder are removed only if no asset row references that content hash any more —
 * originals are content-addressed and shared by every upload of the same bytes.
 */
export async function purgeTrash(deps: { db: Db; paths: LibraryPaths }, scope: PurgeScope): Promise<{ purged: number; filesDeleted: number }> {
  const { db, paths } = deps;
  const where = "ids" in scope ? { id: { in: scope.ids }, trashedAt: { not: null } } : "trashedBefore" in scope ? { trashedAt: { lt: scope.trashedBefore } } : { trashedAt: { not: null } };
  const doomed = await db.asset.findMany({ where, select: { id: true, sha256: true, ext: true } });
  if (doomed.length === 0) return { purged: 0, filesDeleted: 0 };
  const ids = doomed.map((a) => a.id);
  await db.$transaction(async (tx) => {
    await tx.asset.deleteMany({ where: { id: { in: ids }, trashedAt: { not: null } } });
    await tx.searchChange.createMany({ data: ids.map((assetId) => ({ assetId })) });
    await appendJournal(tx, { op: "asset.purge", sha256s: doomed.map((a) => a.sha256) });
  });
  const stillReferenced = new Set((await db.asset.findMany({ where: { sha256: { in: doomed.map((a) => a.sha256) } }, select: { sha256: true } })).map((a) => a.sha256));
  let filesDeleted = 0;
  for (const asset of doomed.filter((a) => !stillReferenced.has(a.sha256))) {
    await fs.rm(originalPath(paths, asset.sha256, asset.ext), { force: true });
    await fs.rm(derivedDir(paths, asset.sha256), { recursive: true, force: true });
    filesDeleted += 1;
  }
  return { purged: doomed.length, filesDeleted };
}
