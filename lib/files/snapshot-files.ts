import type { DatedOp } from "@/lib/journal/journal-files";
import type { DbTx } from "@/lib/server/db";

/**
 * The Files tree as journal ops (lib/journal/snapshot-decisions.ts): every folder (parents before
 * children), every entry, and every entry's kept versions, each dated by its last change.
 */
export async function snapshotFiles(tx: DbTx): Promise<DatedOp[]> {
  const ops: DatedOp[] = [];
  const folders = await tx.folder.findMany({ orderBy: { createdAt: "asc" } });
  const byParent = new Map<string | null, typeof folders>();
  for (const f of folders) byParent.set(f.parentId, [...(byParent.get(f.parentId) ?? []), f]);
  const queue: (string | null)[] = [null];
  while (queue.length > 0) {
    for (const f of byParent.get(queue.shift()!) ?? []) {
      ops.push({ op: "files.folder", id: f.id, parentId: f.parentId, name: f.name, trashed: f.trashedAt !== null, at: (f.trashedAt ?? f.updatedAt).toISOString() });
      queue.push(f.id);
    }
  }
  const entries = await tx.fileEntry.findMany({ select: { id: true, folderId: true, name: true, trashedAt: true, updatedAt: true, asset: { select: { sha256: true } }, versions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { createdAt: true, asset: { select: { sha256: true } } } } } });
  for (const e of entries) {
    ops.push({ op: "files.entry", id: e.id, folderId: e.folderId, name: e.name, sha256: e.asset.sha256, trashed: e.trashedAt !== null, at: (e.trashedAt ?? e.updatedAt).toISOString() });
    if (e.versions.length > 0) ops.push({ op: "files.versions", entryId: e.id, versions: e.versions.map((v) => ({ sha256: v.asset.sha256, at: v.createdAt.toISOString() })), at: e.updatedAt.toISOString() });
  }
  return ops;
}
