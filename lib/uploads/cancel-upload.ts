import fs from "node:fs/promises";
import { removePath } from "@/lib/custody/remove-path";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { partPath, UPLOAD_EXPIRY_MS } from "./upload-files";

/** Drops an upload and its bytes (idempotent). */
export async function cancelUpload(db: Db, paths: LibraryPaths, id: string): Promise<void> {
  const { count } = await db.upload.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "No such upload (finished, cancelled or expired).");
  await removePath(paths, "temp", partPath(paths, id));
}

/** Removes uploads untouched for a day, and part files with no upload row. */
export async function expireUploads(db: Db, paths: LibraryPaths, now = new Date()): Promise<number> {
  const stale = await db.upload.findMany({ where: { updatedAt: { lt: new Date(now.getTime() - UPLOAD_EXPIRY_MS) } }, select: { id: true } });
  for (const { id } of stale) await cancelUpload(db, paths, id).catch(() => {});
  const live = new Set((await db.upload.findMany({ select: { id: true } })).map((u) => `${u.id}.part`));
  let strays = 0;
  for (const entry of await fs.readdir(paths.uploads).catch(() => [])) {
    const file = `${paths.uploads}/${entry}`;
    // A part file is written just before its row: leave young ones alone.
    const modified = (await fs.stat(file).catch(() => null))?.mtimeMs ?? now.getTime();
    if (live.has(entry) || modified > now.getTime() - 3600_000) continue;
    await removePath(paths, "temp", file);
    strays += 1;
  }
  return stale.length + strays;
}
