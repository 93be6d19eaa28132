import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/server/db";
import { FILE_SELECT, journalEntry, journalFolder, toFileItem, toFolderItem, type FilesItem } from "./files-tree";
import { prepareDestination, type DestinationInput } from "./prepare-destination";

/**
 * Copies a live file (a new entry for the same stored bytes: nothing is duplicated on disk) or a
 * folder with everything live under it, into `folderId` under `name` (default: the same name).
 * Refusals as moveEntry (`folder_cycle` for a folder copied inside itself). Returns the copy.
 */
export async function copyEntry(db: Db, input: DestinationInput, now = new Date()): Promise<FilesItem> {
  const { ref, folderId } = input;
  return db.$transaction(async (tx) => {
    const name = await prepareDestination(tx, input, "copy", now);
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
