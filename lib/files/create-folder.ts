import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { assertLiveFolder, assertNameFree, checkName, journalFolder, toFolderItem, type FolderItem } from "./files-tree";

/**
 * Creates a folder named `name` in `parentId` (null = the root). `not_found` when the parent is
 * missing or in the trash, `name_taken` when a live folder or file there has that name.
 */
export async function createFolder(db: Db, input: { parentId: string | null; name: string }): Promise<FolderItem> {
  const name = checkName(input.name);
  return db.$transaction(async (tx) => {
    await assertLiveFolder(tx, input.parentId);
    await assertNameFree(tx, input.parentId, name);
    const folder = await tx.folder.create({ data: { id: randomUUID(), parentId: input.parentId, name } });
    await journalFolder(tx, folder.id);
    return toFolderItem(folder);
  });
}
