import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { assetsWithoutBytes, dropAssets } from "./collect-library-files";

/**
 * Removes an external library (the owner confirmed in settings or the CLI): its assets that have
 * no bytes anywhere else leave the gallery (rows and derived files), its rows are forgotten. Not
 * one of its files is touched. A library named in ALBUMS_LIBRARIES is removed there instead.
 */
export async function removeLibrary(deps: { db: Db; paths: LibraryPaths }, id: string): Promise<{ root: string; assetsRemoved: number }> {
  const { db, paths } = deps;
  const library = await db.library.findUnique({ where: { id }, select: { root: true, origin: true } });
  if (!library) throw new AppError("not_found", "No such library.");
  if (library.origin === "env") throw new AppError("conflict", `${library.root} comes from ALBUMS_LIBRARIES; take it out there and restart Albums.`);
  const assetIds = [...new Set((await db.libraryFile.findMany({ where: { libraryId: id, assetId: { not: null } }, select: { assetId: true } })).map((f) => f.assetId!))];
  await db.$transaction(async (tx) => {
    await appendJournal(tx, { op: "library.remove", id });
    await tx.library.delete({ where: { id } }); // its LibraryFile rows go with it
  });
  return { root: library.root, assetsRemoved: await dropAssets(deps, await assetsWithoutBytes(db, paths, assetIds)) };
}
