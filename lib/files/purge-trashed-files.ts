import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import { deleteTrashedFiles, trashUnreferencedAssets } from "./files-tree";

/**
 * The Files part of the trash purge (lib/assets/purge-trash.ts runs it before the assets): deletes
 * for good the folders and entries in the trash — all of them, or those trashed before
 * `trashedBefore` — with what is under those folders and the entries' kept versions. Rows only:
 * the bytes leave with their assets, through the assets' purge. Assets nothing keeps any more
 * (a version's old content, a file only a purged entry named) go to the trash dated just before
 * the cut-off, so the same purge takes them; photos and videos stay in the gallery. Journaled,
 * so a rebuild from the journal does not bring the items back. Returns how many items it deleted.
 */
export async function purgeTrashedFiles(db: Db, scope: { trashedBefore?: Date }, now = new Date()): Promise<number> {
  const trashedAt = scope.trashedBefore ? { lt: scope.trashedBefore } : { not: null };
  return db.$transaction(async (tx) => {
    const folderIds = (await tx.folder.findMany({ where: { trashedAt }, select: { id: true } })).map((f) => f.id);
    const entryIds = (await tx.fileEntry.findMany({ where: { trashedAt }, select: { id: true } })).map((e) => e.id);
    if (folderIds.length === 0 && entryIds.length === 0) return 0;
    const assetIds = await deleteTrashedFiles(tx, { folderIds, entryIds });
    await appendJournal(tx, { op: "files.purge", folderIds, entryIds });
    await trashUnreferencedAssets(tx, assetIds, scope.trashedBefore ? new Date(scope.trashedBefore.getTime() - 1) : now);
    return folderIds.length + entryIds.length;
  });
}
