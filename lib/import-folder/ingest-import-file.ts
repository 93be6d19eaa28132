import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import { removePath } from "@/lib/custody/remove-path";
import { AppError, type ErrorCode } from "@/lib/errors";
import { writeTempFile } from "@/lib/server/storage";
import type { ObservedFile } from "./walk-import-folder";

export type ImportOutcome =
  | { state: "ingested"; status: "ingested" | "duplicate"; assetId: string; sha256: string }
  /** The file changed while it was copied: it waits for the next polls again. */
  | { state: "waiting" }
  /** Refused for what it is (type, size, pixels): left in place and listed, not retried. */
  | { state: "skipped"; reason: string }
  /** Could not be read or stored now (disk full, I/O error): retried later. */
  | { state: "failed"; reason: string };

const REFUSALS = new Set<ErrorCode>(["unsupported_type", "too_large", "too_many_pixels"]);

/**
 * Copies one complete file of the import folder into the library through the one ingest path
 * (source `watch`; the file's mtime, which Syncthing carries over from the phone, is the fallback
 * capture time). The bytes are hashed into `tmp/` first; if the file's size or mtime moved while
 * they were read, the copy is dropped and the file waits again. The file itself is never touched.
 * Bytes already stored answer "duplicate" (no second asset), so a retry after a crash is harmless.
 */
export async function ingestImportFile(deps: IngestDeps, folder: string, file: ObservedFile): Promise<ImportOutcome> {
  const source = path.join(folder, ...file.path.split("/"));
  try {
    const temp = await writeTempFile(createReadStream(source), deps.paths.tmp, deps.config.maxUploadBytes);
    const after = await fs.lstat(source).catch(() => null);
    if (!after?.isFile() || after.size !== file.size || after.mtimeMs !== file.mtimeMs || temp.size !== file.size) {
      await removePath(deps.paths, "temp", temp.path);
      return { state: "waiting" };
    }
    const result = await ingestAsset(deps, {
      temp, fileName: path.basename(source), capturedAt: new Date(file.mtimeMs), source: "watch", client: "import folder",
    });
    return { state: "ingested", ...result };
  } catch (error) {
    if (error instanceof AppError && REFUSALS.has(error.code)) return { state: "skipped", reason: error.message };
    return { state: "failed", reason: (error as Error).message };
  }
}
