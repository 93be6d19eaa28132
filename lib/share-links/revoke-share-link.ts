import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";

/** Revokes a link: from the next request on, its page, files and downloads answer "revoked". */
export async function revokeShareLink(db: Db, id: string, now = new Date()): Promise<void> {
  const { count } = await db.shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0 && !(await db.shareLink.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("not_found", "No such share link.");
}
