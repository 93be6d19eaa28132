import { AppError } from "@/lib/errors";
import { listFolder } from "@/lib/files/list-folder";
import type { Db } from "@/lib/server/db";

/** A folder as the Files screen shows it (JSON: dates as ISO strings). `id` null = the root. */
export type FolderView = {
  folder: { id: string | null; name: string };
  /** From the root down to this folder (the root first, this folder last). */
  path: { id: string | null; name: string }[];
  folders: { id: string; name: string; updatedAt: string }[];
  files: { id: string; name: string; assetId: string; kind: string; mime: string; ext: string; size: number; updatedAt: string; versions: number }[];
};

export const ROOT_NAME = "Files";

/**
 * The live folders and files directly in a folder (`folderId` null = the root), folders first,
 * each sorted by name (case-insensitive, numbers in order), with the breadcrumb path and how many
 * previous versions each file keeps. `not_found` for a folder missing or in the trash.
 */
export async function getFolderView(db: Db, folderId: string | null): Promise<FolderView> {
  const listing = await listFolder(db, folderId);
  const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;
  const versions = new Map(
    (await db.fileVersion.groupBy({ by: ["entryId"], where: { entryId: { in: listing.files.map((f) => f.id) } }, _count: { _all: true } })).map((g) => [g.entryId, g._count._all]),
  );
  return {
    folder: { id: folderId, name: listing.folder?.name ?? ROOT_NAME },
    path: [{ id: null, name: ROOT_NAME }, ...(folderId ? await ancestors(db, folderId) : [])],
    folders: listing.folders.sort((a, b) => byName(a.name, b.name)).map((f) => ({ id: f.id, name: f.name, updatedAt: f.updatedAt.toISOString() })),
    files: listing.files
      .sort((a, b) => byName(a.name, b.name))
      .map((f) => ({ id: f.id, name: f.name, assetId: f.assetId, kind: f.kind, mime: f.mime, ext: f.ext, size: f.size, updatedAt: f.updatedAt.toISOString(), versions: versions.get(f.id) ?? 0 })),
  };
}

/** The folder and its ancestors, the topmost first. */
async function ancestors(db: Db, folderId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.$queryRaw<{ id: string; name: string }[]>`
    WITH RECURSIVE chain(id, parentId, name, depth) AS (
      SELECT id, parentId, name, 0 FROM "Folder" WHERE id = ${folderId}
      UNION ALL SELECT f.id, f.parentId, f.name, c.depth + 1 FROM "Folder" f JOIN chain c ON f.id = c.parentId WHERE c.depth < 10000
    ) SELECT id, name FROM chain ORDER BY depth DESC`;
  if (rows.length === 0) throw new AppError("not_found", "No such folder.");
  return rows;
}
