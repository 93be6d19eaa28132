import type { Db } from "@/lib/server/db";
import { toShareLinkDto, type ShareLinkDto } from "./share-link-dto";

/** Every share link, newest first, optionally only those of one album. */
export async function listShareLinks(db: Db, filter: { albumId?: string } = {}): Promise<ShareLinkDto[]> {
  const rows = await db.shareLink.findMany({ where: filter.albumId ? { albumId: filter.albumId } : {}, orderBy: { createdAt: "desc" }, include: { _count: { select: { assets: true } } } });
  return rows.map(toShareLinkDto);
}
