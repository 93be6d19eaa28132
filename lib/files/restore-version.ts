import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { replaceContent, restoreAssets, type FileItem } from "./files-tree";

/**
 * Makes a kept version the current content of its (live) entry again; the content it replaces
 * becomes the newest version, so a restore is itself undoable. `not_found` for an unknown version.
 */
export async function restoreVersion(deps: { db: Db; config: Config }, input: { entryId: string; versionId: number }, now = new Date()): Promise<FileItem> {
  return deps.db.$transaction(async (tx) => {
    const version = await tx.fileVersion.findFirst({ where: { id: input.versionId, entryId: input.entryId, entry: { trashedAt: null } } });
    if (!version) throw new AppError("not_found", "No such version of a live file.");
    await tx.fileVersion.delete({ where: { id: version.id } });
    await restoreAssets(tx, [version.assetId]);
    return replaceContent(tx, deps.config, input.entryId, version.assetId, now);
  });
}
