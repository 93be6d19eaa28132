import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { FilesItem, ItemRef } from "./files-tree";
import { moveEntry } from "./move-entry";

/** Renames a live folder or file where it is (see moveEntry for the refusals and `replace`). */
export async function renameEntry(db: Db, input: { ref: ItemRef; name: string; replace?: boolean }): Promise<FilesItem> {
  const parent = input.ref.type === "file"
    ? (await db.fileEntry.findFirst({ where: { id: input.ref.id, trashedAt: null }, select: { folderId: true } }))?.folderId
    : (await db.folder.findFirst({ where: { id: input.ref.id, trashedAt: null }, select: { parentId: true } }))?.parentId;
  if (parent === undefined) throw new AppError("not_found", `No such ${input.ref.type}.`);
  return moveEntry(db, { ref: input.ref, folderId: parent, name: input.name, replace: input.replace });
}
