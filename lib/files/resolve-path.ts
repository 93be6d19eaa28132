import type { Folder as FolderRow } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import { FILE_SELECT, toFileItem, toFolderItem, type FilesItem } from "./files-tree";

export type ResolvedPath = { type: "root" } | FilesItem;

/**
 * Finds the live item at a path of names from the root (`[]` = the root itself): every segment
 * but the last must be a live folder, the last a live folder or file. Null when nothing is there.
 */
export async function resolvePath(db: Db, segments: string[]): Promise<ResolvedPath | null> {
  if (segments.length === 0) return { type: "root" };
  let parentId: string | null = null;
  for (const [i, name] of segments.entries()) {
    const folder: FolderRow | null = await db.folder.findFirst({ where: { parentId, name, trashedAt: null } });
    if (folder) {
      if (i === segments.length - 1) return toFolderItem(folder);
      parentId = folder.id;
      continue;
    }
    if (i < segments.length - 1) return null;
    const file = await db.fileEntry.findFirst({ where: { folderId: parentId, name, trashedAt: null }, select: FILE_SELECT });
    return file ? toFileItem(file) : null;
  }
  return null;
}
