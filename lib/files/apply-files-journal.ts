import { markSearchStale } from "@/lib/search/mark-search-stale";
import { deleteTrashedFiles } from "./files-tree";
import type { DbTx } from "@/lib/server/db";
import type { JournalOp } from "@/lib/journal/journal-entry";

type FilesOp = Extract<JournalOp, { op: "files.folder" | "files.entry" | "files.versions" | "files.purge" }>;

/**
 * Applies a journaled Files decision (lib/journal/apply-journal-entry.ts), idempotently: the
 * folder or entry takes the state the op records (created with its id when missing); an entry
 * whose bytes the library does not hold, or whose folder is unknown, is skipped. A changed entry's
 * assets are marked for the text index. A purge deletes only what is still trashed.
 */
export async function applyFilesJournal(tx: DbTx, op: FilesOp, at: Date): Promise<void> {
  if (op.op === "files.purge") {
    await deleteTrashedFiles(tx, { folderIds: op.folderIds, entryIds: op.entryIds });
    return;
  }
  if (op.op === "files.folder") {
    if (op.parentId && !(await tx.folder.findUnique({ where: { id: op.parentId }, select: { id: true } }))) return;
    const existing = await tx.folder.findUnique({ where: { id: op.id }, select: { trashedAt: true } });
    const trashedAt = op.trashed ? (existing?.trashedAt ?? at) : null;
    await tx.folder.upsert({ where: { id: op.id }, create: { id: op.id, parentId: op.parentId, name: op.name, trashedAt, createdAt: at }, update: { parentId: op.parentId, name: op.name, trashedAt } });
    return;
  }
  if (op.op === "files.entry") {
    const asset = await tx.asset.findUnique({ where: { sha256: op.sha256 }, select: { id: true } });
    if (!asset || (op.folderId && !(await tx.folder.findUnique({ where: { id: op.folderId }, select: { id: true } })))) return;
    const existing = await tx.fileEntry.findUnique({ where: { id: op.id }, select: { trashedAt: true, assetId: true } });
    const trashedAt = op.trashed ? (existing?.trashedAt ?? at) : null;
    const state = { folderId: op.folderId, name: op.name, assetId: asset.id, trashedAt };
    await tx.fileEntry.upsert({ where: { id: op.id }, create: { id: op.id, ...state, createdAt: at }, update: state });
    // The text index searches assets by their entries' names.
    await markSearchStale(tx, existing && existing.assetId !== asset.id ? [asset.id, existing.assetId] : [asset.id]);
    return;
  }
  if (!(await tx.fileEntry.findUnique({ where: { id: op.entryId }, select: { id: true } }))) return;
  await tx.fileVersion.deleteMany({ where: { entryId: op.entryId } });
  for (const version of op.versions) {
    const asset = await tx.asset.findUnique({ where: { sha256: version.sha256 }, select: { id: true } });
    if (asset) await tx.fileVersion.create({ data: { entryId: op.entryId, assetId: asset.id, createdAt: new Date(version.at) } });
  }
}
