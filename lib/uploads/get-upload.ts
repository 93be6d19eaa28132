import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { toUploadState, type UploadState } from "./upload-files";

/** The durable state of an upload (its offset is what the client must send next). */
export async function getUpload(db: Db, id: string): Promise<UploadState> {
  const row = await db.upload.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", "No such upload (finished, cancelled or expired).");
  return toUploadState(row);
}
