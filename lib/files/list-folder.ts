import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { assertLiveFolder, FILE_SELECT, toFileItem, toFolderItem, type FileItem, type FolderItem } from "./files-tree";

export type FolderListing = { folder: FolderItem | null; folders: FolderItem[]; files: FileItem[] };

/**
 * The live folders and files directly inside a folder (`folderId` null = the root), each sorted
 * by name, with size, MIME type, ETag and asset id for files. `not_found` for a folder that does
 * not exist or is in the trash.
 */
export async function listFolder(db: Db, folderId: string | null): Promise<FolderListing> {
  return db.$transaction(async (tx) => {
    await assertLiveFolder(tx, folderId);
    const folder = folderId === null ? null : await tx.folder.findUnique({ where: { id: folderId } });
    if (folderId !== null && !folder) throw new AppError("not_found", "No such folder.");
    const [folders, files] = await Promise.all([
      tx.folder.findMany({ where: { parentId: folderId, trashedAt: null }, orderBy: { name: "asc" } }),
      tx.fileEntry.findMany({ where: { folderId, trashedAt: null }, orderBy: { name: "asc" }, select: FILE_SELECT }),
    ]);
    return { folder: folder ? toFolderItem(folder) : null, folders: folders.map(toFolderItem), files: files.map(toFileItem) };
  });
}
