import { openOriginal, type StoredFile } from "@/lib/assets/open-original";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

/** The bytes of a live file of the Files tree, named as it is named there (not as it first arrived). */
export async function openEntry(db: Db, paths: LibraryPaths, entryId: string): Promise<StoredFile> {
  const entry = await db.fileEntry.findFirst({ where: { id: entryId, trashedAt: null }, select: { name: true, assetId: true } });
  if (!entry) throw new AppError("not_found", "No such file.");
  return { ...(await openOriginal(db, paths, entry.assetId)), fileName: entry.name };
}
