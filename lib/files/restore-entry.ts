import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { assertLiveFolder, assetsUnder, FILE_SELECT, freeName, journalEntry, journalFolder, restoreAssets, toFileItem, toFolderItem, type FilesItem, type ItemRef } from "./files-tree";

/**
 * Takes a trashed folder or file out of the trash, into the folder it was in (`not_found` while
 * that folder is itself in the trash), under its name or `name (2)`… when the name was taken
 * meanwhile. The assets it uses come out of the trash with it. Returns the item as it now is.
 */
export async function restoreEntry(db: Db, ref: ItemRef): Promise<FilesItem> {
  return db.$transaction(async (tx) => {
    if (ref.type === "file") {
      const entry = await tx.fileEntry.findFirst({ where: { id: ref.id, trashedAt: { not: null } } });
      if (!entry) throw new AppError("not_found", "No such file in the trash.");
      await assertLiveFolder(tx, entry.folderId);
      const name = await freeName(tx, entry.folderId, entry.name);
      const restored = await tx.fileEntry.update({ where: { id: ref.id }, data: { trashedAt: null, name }, select: FILE_SELECT });
      await journalEntry(tx, ref.id);
      await restoreAssets(tx, [entry.assetId]);
      return toFileItem(restored);
    }
    const folder = await tx.folder.findFirst({ where: { id: ref.id, trashedAt: { not: null } } });
    if (!folder) throw new AppError("not_found", "No such folder in the trash.");
    await assertLiveFolder(tx, folder.parentId);
    const name = await freeName(tx, folder.parentId, folder.name);
    const restored = await tx.folder.update({ where: { id: ref.id }, data: { trashedAt: null, name } });
    await journalFolder(tx, ref.id);
    await restoreAssets(tx, await assetsUnder(tx, ref.id));
    return toFolderItem(restored);
  });
}
