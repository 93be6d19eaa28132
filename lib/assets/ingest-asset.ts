import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { jobsForNewAsset } from "@/lib/jobs/kinds";
import { jobCreateData } from "@/lib/jobs/queue";
import { detectAnyFile, detectType } from "@/lib/media/detect-type";
import { readHeaderSize } from "@/lib/media/image-source";
import { auditRow, recordIngestAttempt, type IngestSource } from "@/lib/audit/record-ingest-attempt";
import { sqlTime, type Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { commitFile, type TempFile } from "@/lib/server/storage";
import { cleanFileName } from "./clean-file-name";
import { extractMetadata } from "./extract-metadata";

export type IngestDeps = { db: Db; paths: LibraryPaths; config: Config };

export type IngestInput = {
  /** The received bytes, already hashed into tmp/ (writeTempFile); ingestAsset takes ownership. */
  temp: TempFile;
  fileName: string;
  declaredSha256?: string | undefined;
  capturedAt?: Date | undefined;
  source: IngestSource;
  client: string;
  /** Keep files of any type (as downloads), for imports that must lose nothing (Drive). */
  allowAnyFile?: boolean;
};

export type IngestResult = { status: "ingested" | "duplicate"; assetId: string; sha256: string };

/**
 * The one ingest path (uploads, share target, Takeout, scripts). Takes bytes already streamed to
 * tmp (hashed by writeTempFile), verifies the declared hash, recognises the type from
 * the bytes, reads metadata, fsyncs and renames into `originals/` (dir fsynced) and only then commits the row
 * with its jobs. Every attempt lands in the audit log. A failure leaves no temp file and no row.
 */
export async function ingestAsset(deps: IngestDeps, received: IngestInput): Promise<IngestResult> {
  const input = { ...received, fileName: cleanFileName(received.fileName) };
  const { db, paths, config } = deps;
  const audit = { source: input.source, client: input.client, originalName: input.fileName };
  const temp = input.temp;
  try {
    if (input.declaredSha256 && input.declaredSha256.toLowerCase() !== temp.sha256) {
      throw new AppError("hash_mismatch", `The received bytes hash to ${temp.sha256}, not the declared ${input.declaredSha256}.`);
    }
    const existing = await db.asset.findUnique({ where: { sha256: temp.sha256 }, select: { id: true, ext: true } });
    if (existing) return await finishDuplicate(deps, existing, temp, input, temp.path);
    if (temp.size === 0) throw new AppError("unsupported_type", "The file is empty.");
    const type = (await detectType(temp.path)) ?? (input.allowAnyFile ? await detectAnyFile(temp.path, input.fileName) : null);
    if (!type) throw new AppError("unsupported_type", "This is not a photo, video or document type Albums stores (checked from its bytes).");
    const header = type.kind === "photo" ? await readHeaderSize(temp.path) : null;
    if (header && header.width * header.height > config.maxPixels) {
      throw new AppError("too_many_pixels", `The image is ${header.width}×${header.height}; the limit is ${Math.round(config.maxPixels / 1e6)} megapixels.`);
    }
    const uploadTime = new Date();
    const metadata = await extractMetadata({
      path: temp.path, type, fileName: input.fileName, clientTime: input.capturedAt, uploadTime, header,
      ffprobe: config.ffprobe, boxTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const destination = originalPath(paths, temp.sha256, type.ext);
    await commitFile(temp.path, destination);
    const id = randomUUID();
    try {
      // The row, its name, its jobs, its audit entry and its search-index change commit together (one fsync).
      await db.$transaction([
        db.asset.create({
          data: {
            id, sha256: temp.sha256, kind: type.kind, mimeType: type.mime, ext: type.ext, size: BigInt(temp.size),
            originalName: input.fileName, source: input.source, ...metadata,
            names: { create: { name: input.fileName, source: input.source } },
            jobs: { create: jobsForNewAsset(type.kind, type.mime).map((kind) => jobCreateData({ kind, assetId: id })) },
          },
        }),
        db.ingestAudit.create({ data: auditRow({ ...audit, size: temp.size, sha256: temp.sha256, outcome: "ingested", assetId: id }) }),
        db.searchChange.create({ data: { assetId: id } }),
      ]);
    } catch (error) {
      // A concurrent upload of the same bytes committed first: same file, so answer "duplicate".
      const winner = await db.asset.findUnique({ where: { sha256: temp.sha256 }, select: { id: true, ext: true } });
      if (!winner) throw error;
      return await finishDuplicate(deps, winner, temp, input, null);
    }
    return { status: "ingested", assetId: id, sha256: temp.sha256 };
  } catch (error) {
    await fs.rm(temp.path, { force: true });
    const appError = error instanceof AppError ? error : null;
    await recordIngestAttempt(db, {
      ...audit, size: temp.size, sha256: temp.sha256, outcome: "rejected",
      errorCode: appError?.code ?? "internal", message: (error as Error).message,
    });
    throw error;
  }
}

/**
 * Same bytes already stored: keep one original (restored from `restoreFrom` if it went missing
 * from disk, so "duplicate" never answers for a lost file), take it out of the trash, and record
 * the extra name.
 */
async function finishDuplicate(
  deps: IngestDeps,
  existing: { id: string; ext: string },
  temp: TempFile,
  input: IngestInput,
  restoreFrom: string | null,
): Promise<IngestResult> {
  if (restoreFrom) await commitFile(restoreFrom, originalPath(deps.paths, temp.sha256, existing.ext));
  // Sent again while in the trash: bring it back, so "duplicate" never answers for a file about to be purged.
  await deps.db.asset.updateMany({ where: { id: existing.id, trashedAt: { not: null } }, data: { trashedAt: null } });
  await deps.db.$executeRaw`INSERT OR IGNORE INTO "AssetName" ("assetId", "name", "source", "createdAt") VALUES (${existing.id}, ${input.fileName}, ${input.source}, ${sqlTime(new Date())})`;
  await recordIngestAttempt(deps.db, {
    source: input.source, client: input.client, originalName: input.fileName, size: temp.size, sha256: temp.sha256,
    outcome: "duplicate", assetId: existing.id,
  });
  return { status: "duplicate", assetId: existing.id, sha256: temp.sha256 };
}
