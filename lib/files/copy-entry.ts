import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Db, DbTx } from "@/lib/server/db";
import { assertLiveFolder, checkName, FILE_SELECT, findLiveChild, folderChain, journalEntry, journalFolder, toFileItem, toFolderItem, trashItem, type FilesItem } from "./files-tree";
import type { MoveInput } from "./move-entry";

/**
 * Copies a live file (a new entry for the same stored bytes: nothing is duplicated on disk) or a
 * folder with everything live under it, into `folderId` under `name` (default: the same name).
 * Refusals as moveEntry (`folder_cycle` for a folder copied inside itself). Returns the copy.
 */
export async function copyEntry(db: Db, input: MoveInput, now = new Date()): Promise<FilesItem> {
  const { ref, folderId } = input;
  return db.$transaction(async (tx) => {
    const source = ref.type === "file"
      ? await tx.fileEntry.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true } })
      : await tx.folder.findFirst({ where: { id: ref.id, trashedAt: null }, select: { name: true } });
    if (!source) throw new AppError("not_found", `No such ${ref.type}.`);
    const name = checkName(input.name ?? source.name);
    await assertLiveFolder(tx, folderId);
    if (ref.type === "folder" && folderId !== null && (await folderChain(tx, folderId)).ids.includes(ref.id)) {
      throw new AppError("folder_cycle", "A folder cannot be copied inside itself.");
    }
    const taken = await findLiveChild(tx, folderId, name);
    if (taken) {
      if (!input.replace || (taken.type === ref.type && taken.id === ref.id)) throw new AppError("name_taken", `"${name}" already exists in that folder.`);
      await trashItem(tx, taken, now);
    }
    if (ref.type === "file") return toFileItem(await tx.fileEntry.findUniqueOrThrow({ where: { id: await copyFile(tx, ref.id, folderId, name) }, select: FILE_SELECT }));
    return toFolderItem(await tx.folder.findUniqueOrThrow({ where: { id: await copyFolder(tx, ref.id, folderId, name) } }));
  });
}

async function copyFile(tx: DbTx, id: string, folderId: string | null, name: string): Promise<string> {
  const source = await tx.fileEntry.findUniqueOrThrow({ where: { id }, select: { assetId: true } });
  const copy = await tx.fileEntry.create({ data: { id: randomUUID(), folderId, name, assetId: source.assetId } });
  await journalEntry(tx, copy.id);
  return copy.id;
}

async function copyFolder(tx: DbTx, id: string, parentId: string | null, name: string): Promise<string> {
  const copy = await tx.folder.create({ data: { id: randomUUID(), parentId, name } });
  await journalFolder(tx, copy.id);
  for (const file of await tx.fileEntry.findMany({ where: { folderId: id, trashedAt: null }, select: { id: true, name: true } })) await copyFile(tx, file.id, copy.id, file.name);
  for (const child of await tx.folder.findMany({ where: { parentId: id, trashedAt: null }, select: { id: true, name: true } })) await copyFolder(tx, child.id, copy.id, child.name);
  return copy.id;
}
