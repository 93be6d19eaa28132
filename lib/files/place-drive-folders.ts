import { randomUUID } from "node:crypto";
import type { Db, DbTx } from "@/lib/server/db";
import { freeName, journalEntry, journalFolder } from "./files-tree";

/**
 * Puts every Drive file from a Takeout (an asset with `folder` set, not in the trash) that has no
 * place in the Files tree yet into the folder path it had in Drive, creating the folders, under
 * its name (`name (2)` where Drive held two files of one name). Idempotent: an asset with any
 * entry (live, moved or trashed) is left alone. Run after each import and once at start-up (the
 * backfill of imports made before the Files tree existed). Returns how many entries it created.
 */
export async function placeDriveFolders(db: Db): Promise<number> {
  const pending = await db.asset.findMany({
    where: { folder: { not: null }, trashedAt: null, fileEntries: { none: {} } },
    select: { id: true, folder: true, originalName: true }, orderBy: [{ folder: "asc" }, { originalName: "asc" }],
  });
  let placed = 0;
  for (const asset of pending) {
    await db.$transaction(async (tx) => {
      if (await tx.fileEntry.findFirst({ where: { assetId: asset.id }, select: { id: true } })) return;
      const folderId = await ensureFolderPath(tx, asset.folder!.split("/").filter((s) => s && s !== "." && s !== ".."));
      const name = await freeName(tx, folderId, asset.originalName.replaceAll("/", "_") || "file");
      const entry = await tx.fileEntry.create({ data: { id: randomUUID(), folderId, name, assetId: asset.id } });
      await journalEntry(tx, entry.id);
      placed += 1;
    });
  }
  return placed;
}

/** The live folder at this path of names from the root, created where missing; null = the root. */
async function ensureFolderPath(tx: DbTx, names: string[]): Promise<string | null> {
  let parentId: string | null = null;
  for (const name of names) {
    const found: { id: string } | null = await tx.folder.findFirst({ where: { parentId, name, trashedAt: null }, select: { id: true } });
    if (found) {
      parentId = found.id;
      continue;
    }
    const created: { id: string } = await tx.folder.create({ data: { id: randomUUID(), parentId, name: await freeName(tx, parentId, name) }, select: { id: true } });
    await journalFolder(tx, created.id);
    parentId = created.id;
  }
  return parentId;
}
