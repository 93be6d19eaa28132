import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { ingestAsset, type IngestDeps, type IngestResult } from "@/lib/assets/ingest-asset";
import type { IngestSource } from "@/lib/audit/record-ingest-attempt";
import { AppError, diskWriteError } from "@/lib/errors";
import { digestFile } from "@/lib/server/storage";
import { partPath, withUploadLock } from "./upload-files";

/**
 * Completes an upload whose bytes are all here: hashes them and hands them to the normal ingest
 * path (declared hash check, type from bytes, metadata, durable commit, audit, dedup). An upload
 * for the Files tree (source `files`) keeps any type, like a file put there directly.
 */
export async function finishUpload(deps: IngestDeps, id: string, client: string): Promise<IngestResult> {
  const result = await withUploadLock(id, async () => {
    const row = await deps.db.upload.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "No such upload (finished, cancelled or expired).");
    if (row.offset !== row.size) throw new AppError("conflict", `The upload has ${row.offset} of ${row.size} bytes; send the rest first.`);
    const part = partPath(deps.paths, id);
    const temp = path.join(deps.paths.tmp, `upload-${randomUUID()}`);
    await fs.rename(part, temp).catch((error: unknown) => {
      throw diskWriteError(error);
    });
    await deps.db.upload.delete({ where: { id } });
    const { sha256, crc32 } = await digestFile(temp);
    return ingestAsset(deps, {
      temp: { path: temp, sha256, size: Number(row.size), crc32 },
      fileName: row.name,
      declaredSha256: row.sha256 ?? undefined,
      capturedAt: row.capturedAt ?? undefined,
      source: row.source as IngestSource,
      client,
      allowAnyFile: row.source === "files",
    });
  });
  if (!result) throw new AppError("conflict", "Another request is working on this upload right now.");
  return result;
}
