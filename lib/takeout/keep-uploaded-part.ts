import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { partPath, withUploadLock } from "@/lib/uploads/upload-files";
import { uploadedPartsDir } from "./import-roots";

export const keepPartBody = z.object({ uploadId: z.string().uuid() });

/**
 * Turns a finished resumable upload of a Takeout part (.zip/.tgz) into a file under
 * `imports/parts/`, ready for POST /api/imports — the way to import from a browser.
 */
export async function keepUploadedPart(db: Db, paths: LibraryPaths, uploadId: string): Promise<{ path: string }> {
  const kept = await withUploadLock(uploadId, async () => {
    const row = await db.upload.findUnique({ where: { id: uploadId } });
    if (!row) throw new AppError("not_found", "No such upload (finished, cancelled or expired).");
    if (row.offset !== row.size) throw new AppError("conflict", `The upload has ${row.offset} of ${row.size} bytes; send the rest first.`);
    if (!/\.(zip|tgz|tar\.gz)$/i.test(row.name)) throw new AppError("unsupported_type", "A Takeout part is a .zip or .tgz file.");
    const dir = uploadedPartsDir(paths);
    await fs.mkdir(dir, { recursive: true });
    const target = path.join(dir, `${uploadId}-${row.name.replace(/[^\w.()-]+/g, "_").slice(-120)}`);
    await fs.rename(partPath(paths, uploadId), target);
    await db.upload.delete({ where: { id: uploadId } });
    return { path: target };
  });
  if (!kept) throw new AppError("conflict", "Another request is working on this upload right now.");
  return kept;
}
