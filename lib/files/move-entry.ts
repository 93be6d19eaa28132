import type { Db } from "@/lib/server/db";
import { FILE_SELECT, journalEntry, journalFolder, toFileItem, toFolderItem, type FilesItem } from "./files-tree";
import { prepareDestination, type DestinationInput } from "./prepare-destination";

/**
 * Moves and/or renames a live folder or file. `folder_cycle` when a folder would go inside
 * itself, `not_found` for a missing item or target folder, `name_taken` for a clash unless
 * `replace`. Moving onto itself changes nothing. Returns the item as it now is.
 */
export async function moveEntry(db: Db, input: DestinationInput, now = new Date()): Promise<FilesItem> {
  const { ref, folderId } = input;
  return db.$transaction(async (tx) => {
    const name = await prepareDestination(tx, input, "move", now);
    if (ref.type === "file") {
      const moved = await tx.fileEntry.update({ where: { id: ref.id }, data: { folderId, name }, select: FILE_SELECT });
      await journalEntry(tx, ref.id);
      return toFileItem(moved);
    }
    const moved = await tx.folder.update({ where: { id: ref.id }, data: { parentId: folderId, name } });
    await journalFolder(tx, ref.id);
    return toFolderItem(moved);
  });
}
