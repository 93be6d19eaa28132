import { openBurial } from "@/lib/custody/bury-unreferenced";
import { settleGraveyard } from "@/lib/custody/settle-graveyard";
import { purgeTrashedFiles } from "@/lib/files/purge-trashed-files";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

export type PurgeScope = { ids: string[] } | { trashedBefore: Date } | { all: true };

/** Rows per transaction: below SQLite's 999 bound variables, and a short hold of the write lock. */
const BATCH = 250;

/**
 * Deletes trashed assets for good: these ids (only if trashed), everything trashed before a date
 * (the worker's "after N days" rule), or the whole trash, in batches of any size. Per batch, one
 * write transaction deletes the rows (faces, names, album membership and jobs cascade, search
 * entries are marked stale) and moves each original and derived folder no row references any
 * more into the graveyard (lib/custody: originals are content-addressed and shared by every
 * upload of the same bytes; an ingest racing the purge keeps its file). The graveyard is then
 * unlinked. A purge by date or of the whole trash first deletes the Files folders and entries in
 * the trash in that scope (lib/files/purge-trashed-files.ts), so the assets only they kept go too.
 */
export async function purgeTrash(deps: { db: Db; paths: LibraryPaths }, scope: PurgeScope): Promise<{ purged: number; filesDeleted: number }> {
  const { db, paths } = deps;
  if (!("ids" in scope)) await purgeTrashedFiles(db, "trashedBefore" in scope ? { trashedBefore: scope.trashedBefore } : {});
  const trashed = { trashedAt: "trashedBefore" in scope ? { lt: scope.trashedBefore } : { not: null } };
  let purged = 0;
  let filesDeleted = 0;
  const idChunks = "ids" in scope ? Array.from({ length: Math.ceil(scope.ids.length / BATCH) }, (_, i) => scope.ids.slice(i * BATCH, (i + 1) * BATCH)) : null;
  for (let i = 0; ; i += 1) {
    if (idChunks && i >= idChunks.length) break;
    const where = idChunks ? { id: { in: idChunks[i] }, ...trashed } : trashed;
    const burial = openBurial(paths);
    let batch = 0;
    try {
      await db.$transaction(async (tx) => {
        const doomed = await tx.asset.findMany({ where, select: { id: true, sha256: true, ext: true }, take: BATCH });
        const ids = doomed.map((a) => a.id);
        await tx.asset.deleteMany({ where: { id: { in: ids } } });
        await tx.searchChange.createMany({ data: ids.map((assetId) => ({ assetId })) });
        filesDeleted += await burial.bury(tx, doomed);
        await appendJournal(tx, { op: "asset.purge", sha256s: doomed.map((a) => a.sha256) });
        batch = doomed.length;
      });
    } catch (error) {
      await burial.undo();
      throw error;
    }
    purged += batch;
    if (!idChunks && batch === 0) break;
  }
  if (purged > 0) await settleGraveyard(db, paths);
  return { purged, filesDeleted };
}
