import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { assetZip, type AssetZip, type ZipAsset } from "@/lib/zip/asset-zip";
import { ZIP_ASSET_FIELDS } from "@/lib/zip/zip-assets";
import { safeZipNames } from "@/lib/zip/zip-names";
import { ROOT_NAME } from "./folder-view";

type TreeFolder = { id: string; parentId: string | null; name: string };

/**
 * A folder of the Files tree (null = all of it) as a ZIP: every live file under it, at its path
 * inside a top folder of the folder's name ("Taxes/2024/forms.pdf"), each name made safe to
 * extract and unique among its siblings (lib/zip/zip-names.ts), subfolders before files; an empty
 * folder is kept as a directory entry ("Taxes/2025/"). Streamed like any ZIP download (exact
 * length, resumable). `not_found` for a folder missing or in the trash.
 */
export async function zipFolder(deps: { db: Db; paths: LibraryPaths }, folderId: string | null): Promise<{ fileName: string; zip: AssetZip }> {
  const folders = await subtree(deps.db, folderId);
  const top = folderId === null ? { id: null, name: ROOT_NAME } : folders.find((f) => f.id === folderId);
  if (!top) throw new AppError("not_found", "That folder does not exist (or is in the trash).");
  const folderIds = folders.map((f) => f.id);
  const entries = await deps.db.fileEntry.findMany({
    where: { trashedAt: null, OR: [{ folderId: { in: folderIds } }, ...(folderId === null ? [{ folderId: null }] : [])] },
    select: { id: true, folderId: true, name: true, asset: { select: ZIP_ASSET_FIELDS } },
  });
  // Safe names per folder, among all its children (folders and files share a folder in the
  // archive); entries in the order a file manager lists them: subfolders first, then files, by name.
  const byName = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;
  const childFolders = groupBy(folders.filter((f) => f.id !== folderId), (f) => f.parentId);
  const childFiles = groupBy(entries, (e) => e.folderId);
  const ordered: { path: string; asset: ZipAsset }[] = [];
  const empty: { id: string | null; path: string }[] = [];
  const visit = (id: string | null, at: string) => {
    const subs = (childFolders.get(id) ?? []).sort((a, b) => byName(a.name, b.name));
    const files = (childFiles.get(id) ?? []).sort((a, b) => byName(a.name, b.name));
    if (subs.length === 0 && files.length === 0) empty.push({ id, path: at });
    const names = safeZipNames([...subs.map((f) => f.name), ...files.map((e) => e.name)]);
    subs.forEach((f, i) => visit(f.id, `${at}/${names[i]}`));
    files.forEach((e, i) => ordered.push({ path: `${at}/${names[subs.length + i]}`, asset: e.asset }));
  };
  const topName = safeZipNames([top.name])[0]!;
  visit(folderId, topName);
  const times = new Map((await deps.db.folder.findMany({ where: { id: { in: empty.flatMap((e) => (e.id ? [e.id] : [])) } }, select: { id: true, updatedAt: true } })).map((f) => [f.id, f.updatedAt]));
  const emptyFolders = empty.map((e) => ({ name: e.path, mtime: (e.id ? times.get(e.id) : undefined) ?? new Date(0) }));
  const zip = await assetZip(deps.db, deps.paths, ordered.map((o) => o.asset), "exact", { names: ordered.map((o) => o.path), emptyFolders });
  return { fileName: `${topName}.zip`, zip };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** The live folders under `folderId` (itself included; null = every live folder of the tree). */
async function subtree(db: Db, folderId: string | null): Promise<TreeFolder[]> {
  if (folderId === null) {
    return db.$queryRaw<TreeFolder[]>`
      WITH RECURSIVE sub(id, parentId, name) AS (
        SELECT id, parentId, name FROM "Folder" WHERE parentId IS NULL AND trashedAt IS NULL
        UNION SELECT f.id, f.parentId, f.name FROM "Folder" f JOIN sub s ON f.parentId = s.id WHERE f.trashedAt IS NULL
      ) SELECT id, parentId, name FROM sub`;
  }
  const rows = await db.$queryRaw<TreeFolder[]>`
    WITH RECURSIVE chain(id, parentId, trashed, depth) AS (
      SELECT id, parentId, trashedAt IS NOT NULL, 0 FROM "Folder" WHERE id = ${folderId}
      UNION ALL SELECT f.id, f.parentId, f.trashedAt IS NOT NULL, c.depth + 1 FROM "Folder" f JOIN chain c ON f.id = c.parentId WHERE c.depth < 10000
    ), sub(id, parentId, name) AS (
      SELECT id, parentId, name FROM "Folder" WHERE id = ${folderId} AND NOT EXISTS (SELECT 1 FROM chain WHERE trashed)
      UNION SELECT f.id, f.parentId, f.name FROM "Folder" f JOIN sub s ON f.parentId = s.id WHERE f.trashedAt IS NULL
    ) SELECT id, parentId, name FROM sub`;
  return rows;
}
