import type { Db } from "@/lib/server/db";

export type FileVersionItem = { id: number; assetId: string; sha256: string; size: number; mime: string; replacedAt: Date };

/** The kept previous contents of a file entry, newest first (empty for an unknown entry). */
export async function listVersions(db: Db, entryId: string): Promise<FileVersionItem[]> {
  const rows = await db.fileVersion.findMany({
    where: { entryId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, assetId: true, createdAt: true, asset: { select: { sha256: true, size: true, mimeType: true } } },
  });
  return rows.map((v) => ({ id: v.id, assetId: v.assetId, sha256: v.asset.sha256, size: Number(v.asset.size), mime: v.asset.mimeType, replacedAt: v.createdAt }));
}
