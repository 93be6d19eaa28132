import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { assertLiveFolder, checkName, FILE_SELECT, findLiveChild, folderChain, journalEntry, journalFolder, toFileItem, toFolderItem, trashItem, type FilesItem, type ItemRef } from "./files-tree";

export type MoveInput = {
  ref: ItemRef;
  /** The folder it goes into (null = the root). */
  folderId: string | null;
  /** Its name there (default: its current name). */
  name?: string;
  /** A live item already there under that name goes to the trash (else `name_taken`). */
  replace?: boolean;
};

/**
 * Moves and/or renames a live folder or file. `folder_cycle` when a folder would go inside
 * itself, `not_found` for a missing item or target folder, `name_taken` for a clash unless
 * `replace`. Moving onto itself changes nothing. Returns the item as it now is.
 */
export async function moveEntry(db: Db, input: MoveInput, now = new Date()): Promise<FilesItem> {
  const { ref, folderId } = input;
  return db.$transaction(async (tx) => {
    const current = ref.type === "file"
      ? await tx.fileEntry.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true, folderId: true } }).then((e) => e && { name: e.name, parentId: e.folderId })
      : await tx.folder.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true, parentId: true } });
    if (!current) throw new AppError("not_found", `No such ${ref.type}.`);
    const name = checkName(input.name ?? current.name);
    await assertLiveFolder(tx, folderId);
    if (ref.type === "folder" && folderId !== null && (await folderChain(tx, folderId)).ids.includes(ref.id)) {
      throw new AppError("folder_cycle", "A folder cannot go inside itself.");
    }
    const taken = await findLiveChild(tx, folderId, name);
    if (taken && !(taken.type === ref.type && taken.id === ref.id)) {
      if (!input.replace) throw new AppError("name_taken", `"${name}" already exists in that folder.`);
      await trashItem(tx, taken, now);
    }
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
