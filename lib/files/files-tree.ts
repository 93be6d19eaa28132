import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import type { Db, DbTx } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";

// Shared internals of the Files tree operations (lib/files/*): item shapes, name rules, the live
// name check, and the journal records. The operations are the other files of this folder.

export type FilesDeps = { db: Db; paths: LibraryPaths; config: Config };

export type FolderItem = { type: "folder"; id: string; parentId: string | null; name: string; createdAt: Date; updatedAt: Date };

export type FileItem = {
  type: "file";
  id: string;
  folderId: string | null;
  name: string;
  assetId: string;
  sha256: string;
  kind: string;
  mime: string;
  ext: string;
  size: number;
  /** Strong validator of the current content: the first 128 bits of its SHA-256, quoted (short enough for clients that copy it into a fixed-size If header). */
  etag: string;
  createdAt: Date;
  updatedAt: Date;
};

export type FilesItem = FolderItem | FileItem;

/** Which kind of Files item an operation acts on. */
export type ItemRef = { type: "folder" | "file"; id: string };

export const FILE_SELECT = {
  id: true, folderId: true, name: true, assetId: true, createdAt: true, updatedAt: true,
  asset: { select: { sha256: true, kind: true, mimeType: true, ext: true, size: true } },
} as const;

type FileRow = { id: string; folderId: string | null; name: string; assetId: string; createdAt: Date; updatedAt: Date; asset: { sha256: string; kind: string; mimeType: string; ext: string; size: bigint } };
type FolderRow = { id: string; parentId: string | null; name: string; createdAt: Date; updatedAt: Date };

export function toFileItem(row: FileRow): FileItem {
  const { asset } = row;
  return {
    type: "file", id: row.id, folderId: row.folderId, name: row.name, assetId: row.assetId, sha256: asset.sha256, kind: asset.kind,
    mime: asset.mimeType, ext: asset.ext, size: Number(asset.size), etag: `"${asset.sha256.slice(0, 32)}"`, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export function toFolderItem(row: FolderRow): FolderItem {
  return { type: "folder", id: row.id, parentId: row.parentId, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** A name a folder or file may have: not empty, no slash or NUL, not `.`/`..`, at most 255 UTF-8 bytes. */
export function checkName(name: string): string {
  if (!name || name === "." || name === ".." || /[/\u0000]/.test(name) || Buffer.byteLength(name) > 255) {
    throw new AppError("invalid_input", `Not a usable name: ${JSON.stringify(name.slice(0, 300))} (no "/", not empty, at most 255 bytes).`);
  }
  return name;
}

/** The live folder or file named `name` in `parentId` (null = root): folders and files share one namespace. */
export async function findLiveChild(tx: DbTx, parentId: string | null, name: string): Promise<ItemRef | null> {
  const folder = await tx.folder.findFirst({ where: { parentId, name, trashedAt: null }, select: { id: true } });
  if (folder) return { type: "folder", id: folder.id };
  const file = await tx.fileEntry.findFirst({ where: { folderId: parentId, name, trashedAt: null }, select: { id: true } });
  return file ? { type: "file", id: file.id } : null;
}

/** Throws `name_taken` when `name` is taken in `parentId` by anything other than `self`. */
export async function assertNameFree(tx: DbTx, parentId: string | null, name: string, self?: ItemRef): Promise<void> {
  const taken = await findLiveChild(tx, parentId, name);
  if (taken && !(self && taken.type === self.type && taken.id === self.id)) {
    throw new AppError("name_taken", `"${name}" already exists in this folder.`);
  }
}

/**
 * Ids of `folderId` and its ancestors, nearest first, and whether all are live. Throws
 * `not_found` for an unknown id.
 */
export async function folderChain(tx: DbTx, folderId: string): Promise<{ ids: string[]; live: boolean }> {
  const rows = await tx.$queryRaw<{ id: string; trashed: number }[]>`
    WITH RECURSIVE chain(id, parentId, trashed, depth) AS (
      SELECT id, parentId, trashedAt IS NOT NULL, 0 FROM "Folder" WHERE id = ${folderId}
      UNION ALL SELECT f.id, f.parentId, f.trashedAt IS NOT NULL, c.depth + 1 FROM "Folder" f JOIN chain c ON f.id = c.parentId WHERE c.depth < 10000
    ) SELECT id, trashed FROM chain ORDER BY depth`;
  if (rows.length === 0) throw new AppError("not_found", "No such folder.");
  return { ids: rows.map((r) => r.id), live: rows.every((r) => Number(r.trashed) === 0) };
}

/** Throws `not_found` unless `folderId` is the root (null) or a folder that is not in the trash (itself or above). */
export async function assertLiveFolder(tx: DbTx, folderId: string | null): Promise<void> {
  if (folderId === null) return;
  const chain = await folderChain(tx, folderId).catch(() => null);
  if (!chain?.live) throw new AppError("not_found", "That folder does not exist (or is in the trash).");
}

/** `folderId` and every folder under it not trashed on its own. */
export async function subtreeFolderIds(tx: DbTx, folderId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE sub(id) AS (SELECT ${folderId} UNION SELECT f.id FROM "Folder" f JOIN sub s ON f.parentId = s.id WHERE f.trashedAt IS NULL)
    SELECT id FROM sub`;
  return rows.map((r) => r.id);
}

/**
 * Of these assets, the ones nothing in the Files tree keeps any more (no live entry under live
 * folders, no kept version) and that the gallery does not show (not a photo or video): they go to
 * the trash, like a photo deleted from the gallery (purged after the trash days, or by the owner).
 */
export async function trashUnreferencedAssets(tx: DbTx, assetIds: string[], now: Date): Promise<void> {
  const unique = [...new Set(assetIds)];
  if (unique.length === 0) return;
  const dead = await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE deadFolder(id) AS (SELECT id FROM "Folder" WHERE trashedAt IS NOT NULL UNION SELECT f.id FROM "Folder" f JOIN deadFolder d ON f.parentId = d.id)
    SELECT a.id FROM "Asset" a WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify(unique)}))
      AND a.trashedAt IS NULL AND a.kind NOT IN ('photo', 'video')
      AND NOT EXISTS (SELECT 1 FROM "FileEntry" e WHERE e.assetId = a.id AND e.trashedAt IS NULL AND (e.folderId IS NULL OR e.folderId NOT IN (SELECT id FROM deadFolder)))
      AND NOT EXISTS (SELECT 1 FROM "FileVersion" v WHERE v.assetId = a.id)`;
  if (dead.length === 0) return;
  const ids = dead.map((d) => d.id);
  await tx.asset.updateMany({ where: { id: { in: ids } }, data: { trashedAt: now } });
  const sha256s = (await tx.asset.findMany({ where: { id: { in: ids } }, select: { sha256: true } })).map((a) => a.sha256);
  await appendJournal(tx, { op: "asset.update", sha256s, trashed: true });
}

/** Takes these assets out of the trash (a Files entry that uses them is live again). */
export async function restoreAssets(tx: DbTx, assetIds: string[]): Promise<void> {
  const trashed = await tx.asset.findMany({ where: { id: { in: [...new Set(assetIds)] }, trashedAt: { not: null } }, select: { id: true, sha256: true } });
  if (trashed.length === 0) return;
  await tx.asset.updateMany({ where: { id: { in: trashed.map((a) => a.id) } }, data: { trashedAt: null } });
  await appendJournal(tx, { op: "asset.update", sha256s: trashed.map((a) => a.sha256), trashed: false });
}

/** Journals a folder's current state (after any change to it). */
export async function journalFolder(tx: DbTx, id: string): Promise<void> {
  const f = await tx.folder.findUniqueOrThrow({ where: { id } });
  await appendJournal(tx, { op: "files.folder", id, parentId: f.parentId, name: f.name, trashed: f.trashedAt !== null });
}

/**
 * Journals a file entry's current state (after any change to it) and marks its asset for the text
 * index, which searches an asset by its live entries' names too (a rename is found by its new name).
 */
export async function journalEntry(tx: DbTx, id: string): Promise<void> {
  const e = await tx.fileEntry.findUniqueOrThrow({ where: { id }, select: { folderId: true, name: true, trashedAt: true, assetId: true, asset: { select: { sha256: true } } } });
  await appendJournal(tx, { op: "files.entry", id, folderId: e.folderId, name: e.name, sha256: e.asset.sha256, trashed: e.trashedAt !== null });
  await markSearchStale(tx, [e.assetId]);
}

/** Journals an entry's kept versions (after one is added, pruned or restored). */
export async function journalVersions(tx: DbTx, entryId: string): Promise<void> {
  const versions = await tx.fileVersion.findMany({ where: { entryId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true, asset: { select: { sha256: true } } } });
  await appendJournal(tx, { op: "files.versions", entryId, versions: versions.map((v) => ({ sha256: v.asset.sha256, at: v.createdAt.toISOString() })) });
}

/** `name`, or `name (2)`, `name (3)`… before the extension: the first one free in `parentId`. */
export async function freeName(tx: DbTx, parentId: string | null, name: string): Promise<string> {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    if (!(await findLiveChild(tx, parentId, candidate))) return candidate;
  }
}

/** Asset ids of the live file entries under a folder (itself included), for trash bookkeeping. */
export async function assetsUnder(tx: DbTx, folderId: string): Promise<string[]> {
  const folders = await subtreeFolderIds(tx, folderId);
  return (await tx.fileEntry.findMany({ where: { folderId: { in: folders }, trashedAt: null }, select: { assetId: true } })).map((e) => e.assetId);
}

/** Moves one live item to the trash inside a transaction (see trashEntry). */
export async function trashItem(tx: DbTx, ref: ItemRef, now: Date): Promise<void> {
  if (ref.type === "file") {
    const entry = await tx.fileEntry.findFirst({ where: { id: ref.id, trashedAt: null }, select: { assetId: true } });
    if (!entry) throw new AppError("not_found", "No such file.");
    await tx.fileEntry.update({ where: { id: ref.id }, data: { trashedAt: now } });
    await journalEntry(tx, ref.id);
    return trashUnreferencedAssets(tx, [entry.assetId], now);
  }
  if (!(await tx.folder.findFirst({ where: { id: ref.id, trashedAt: null }, select: { id: true } }))) throw new AppError("not_found", "No such folder.");
  const assets = await assetsUnder(tx, ref.id);
  await tx.folder.update({ where: { id: ref.id }, data: { trashedAt: now } });
  await journalFolder(tx, ref.id);
  await trashUnreferencedAssets(tx, assets, now);
}

/**
 * Deletes the still-trashed folders among `folderIds` (with everything under them) and entries
 * among `entryIds`, with their kept versions and WebDAV properties: rows only, the bytes stay
 * with their assets. Returns the ids of the assets those entries and versions used (marked for
 * the text index here; the caller decides whether they go to the trash).
 */
export async function deleteTrashedFiles(tx: DbTx, ids: { folderIds: string[]; entryIds: string[] }): Promise<string[]> {
  const json = (values: string[]) => JSON.stringify(values);
  const folders = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Folder" WHERE trashedAt IS NOT NULL AND id IN (SELECT value FROM json_each(${json(ids.folderIds)}))`).map((f) => f.id);
  const under = (await tx.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(${json(folders)}) UNION SELECT f.id FROM "Folder" f JOIN sub s ON f.parentId = s.id)
    SELECT id FROM sub`).map((f) => f.id);
  const entries = await tx.$queryRaw<{ id: string; assetId: string }[]>`
    SELECT id, assetId FROM "FileEntry" WHERE (trashedAt IS NOT NULL AND id IN (SELECT value FROM json_each(${json(ids.entryIds)})))
      OR folderId IN (SELECT value FROM json_each(${json(under)}))`;
  const entryIds = entries.map((e) => e.id);
  const versions = await tx.$queryRaw<{ assetId: string }[]>`SELECT assetId FROM "FileVersion" WHERE entryId IN (SELECT value FROM json_each(${json(entryIds)}))`;
  await tx.$executeRaw`DELETE FROM "DavProperty" WHERE (itemType = 'folder' AND itemId IN (SELECT value FROM json_each(${json(under)})))
    OR (itemType = 'file' AND itemId IN (SELECT value FROM json_each(${json(entryIds)})))`;
  // Versions, and entries and folders under a folder, go with it (foreign keys cascade).
  await tx.$executeRaw`DELETE FROM "Folder" WHERE id IN (SELECT value FROM json_each(${json(folders)}))`;
  await tx.$executeRaw`DELETE FROM "FileEntry" WHERE id IN (SELECT value FROM json_each(${json(entryIds)}))`;
  const assetIds = [...new Set([...entries.map((e) => e.assetId), ...versions.map((v) => v.assetId)])];
  await markSearchStale(tx, assetIds);
  return assetIds;
}

/**
 * Points an entry at new content, keeping the old as its newest version and pruning beyond the
 * configured count (shared with restoreVersion, which passes the version it takes back out).
 */
export async function replaceContent(tx: DbTx, config: Config, entryId: string, assetId: string, now: Date): Promise<FileItem> {
  const before = await tx.fileEntry.findUniqueOrThrow({ where: { id: entryId }, select: FILE_SELECT });
  if (before.assetId === assetId) return toFileItem(before);
  await tx.fileVersion.create({ data: { entryId, assetId: before.assetId, createdAt: now } });
  const after = await tx.fileEntry.update({ where: { id: entryId }, data: { assetId, updatedAt: now }, select: FILE_SELECT });
  const pruned = await tx.fileVersion.findMany({ where: { entryId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: config.fileVersions, select: { id: true, assetId: true } });
  await tx.fileVersion.deleteMany({ where: { id: { in: pruned.map((v) => v.id) } } });
  await journalEntry(tx, entryId);
  await markSearchStale(tx, [before.assetId]);
  await journalVersions(tx, entryId);
  await trashUnreferencedAssets(tx, pruned.map((v) => v.assetId), now);
  return toFileItem(after);
}
