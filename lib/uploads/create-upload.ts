import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { z } from "zod";
import { INGEST_SOURCES } from "@/lib/audit/record-ingest-attempt";
import type { Config } from "@/lib/config";
import { AppError, diskWriteError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { formatBytes } from "@/lib/format-bytes";
import { cleanFileName } from "@/lib/assets/clean-file-name";
import { partPath, toUploadState, type UploadState } from "./upload-files";

export const createUploadBody = z.object({
  name: z.string().trim().min(1).max(4096).transform(cleanFileName),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
  capturedAt: z.iso.datetime({ offset: true, local: true }).optional(),
  source: z.enum(INGEST_SOURCES).default("upload"),
});

/** Starts a resumable upload of `size` bytes (create → append at offsets → finish). */
export async function createUpload(deps: { db: Db; paths: LibraryPaths; config: Config }, input: z.infer<typeof createUploadBody> & { client: string }): Promise<UploadState> {
  if (input.size > deps.config.maxUploadBytes) throw new AppError("too_large", `The file is larger than the ${formatBytes(deps.config.maxUploadBytes)} upload limit.`);
  const id = randomUUID();
  try {
    await fs.mkdir(deps.paths.uploads, { recursive: true });
    await fs.writeFile(partPath(deps.paths, id), Buffer.alloc(0), { flag: "wx", mode: 0o600 });
  } catch (error) {
    throw diskWriteError(error);
  }
  const row = await deps.db.upload.create({
    data: {
      id, name: input.name, size: BigInt(input.size), sha256: input.sha256?.toLowerCase() ?? null,
      capturedAt: input.capturedAt ? new Date(input.capturedAt) : null, source: input.source, client: input.client,
    },
  });
  return toUploadState(row);
}
