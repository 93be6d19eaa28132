import { randomUUID } from "node:crypto";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { assertLiveFolder, checkName, FILE_SELECT, findLiveChild, journalEntry, replaceContent, restoreAssets, toFileItem, type FileItem } from "./files-tree";

export type PlaceInput = {
  assetId: string;
  folderId: string | null;
  name: string;
  /** What a live file already there under that name becomes: "version" keeps its content as a version (default), "fail" refuses (`name_taken`). */
  onExisting?: "version" | "fail";
};

export type PlaceResult = { entry: FileItem; created: boolean };

/**
 * Puts an asset already stored (an upload, the resumable upload path, a PUT) into a folder under a
 * name. Over a live file of that name, the entry keeps its id and takes the new content, and the
 * old content becomes its newest version (the newest `config.fileVersions` are kept; older ones
 * leave the entry and follow the trash rule of trashEntry); the same content again changes
 * nothing. `name_taken` when a folder has that name, `not_found` for a missing folder or asset.
 */
export async function placeAsset(deps: { db: Db; config: Config }, input: PlaceInput, now = new Date()): Promise<PlaceResult> {
  const name = checkName(input.name);
  return deps.db.$transaction(async (tx) => {
    if (!(await tx.asset.findUnique({ where: { id: input.assetId }, select: { id: true } }))) throw new AppError("not_found", "No such asset.");
    await assertLiveFolder(tx, input.folderId);
    const existing = await findLiveChild(tx, input.folderId, name);
    if (existing?.type === "folder" || (existing && input.onExisting === "fail")) throw new AppError("name_taken", `"${name}" already exists in this folder.`);
    await restoreAssets(tx, [input.assetId]);
    if (!existing) {
      const entry = await tx.fileEntry.create({ data: { id: randomUUID(), folderId: input.folderId, name, assetId: input.assetId }, select: FILE_SELECT });
      await journalEntry(tx, entry.id);
      return { entry: toFileItem(entry), created: true };
    }
    const entry = await replaceContent(tx, deps.config, existing.id, input.assetId, now);
    return { entry, created: false };
  });
}
