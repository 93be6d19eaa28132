import { randomUUID } from "node:crypto";
import type { Config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import type { JournalOp } from "@/lib/journal/journal-entry";
import { jobsForNewAsset } from "@/lib/queue/kinds";
import { jobCreateData } from "@/lib/queue/enqueue";
import { detectAnyFile, detectType } from "@/lib/media/detect-type";
import { readHeaderSize } from "@/lib/media/image-source";
import { auditRow, recordIngestAttempt, type IngestSource } from "@/lib/audit/record-ingest-attempt";
import { sqlTime, type Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import type { TempFile } from "@/lib/server/storage";
import { linkOriginal } from "@/lib/custody/link-original";
import { removePath } from "@/lib/custody/remove-path";
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
  /** Keep an empty file (the Files tree and WebDAV clients create them): kind "file". */
  allowEmpty?: boolean;
};

export type IngestResult = { status: "ingested" | "duplicate"; assetId: string; sha256: string };

/**
 * The one ingest path (uploads, share target, Takeout, adoption, scripts). Takes bytes already
 * streamed to tmp (hashed by writeTempFile), verifies the declared hash, recognises the type from
 * the bytes, reads metadata, links them into `originals/` (fsynced) and commits the row with its
 * jobs. The answer is a promise that the bytes stay on disk, whatever runs beside it: the row
 * commits (or an existing one is taken out of the trash) in a write transaction that first makes
 * sure the original is in place, re-linking it from the temp file if a purge just moved it away
 * (lib/custody). Every attempt lands in the audit log. The temp file is gone afterwards either way.
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
    if (await db.asset.findUnique({ where: { sha256: temp.sha256 }, select: { id: true } })) {
      const duplicate = await finishDuplicate(deps, input);
      if (duplicate) return duplicate; // else purged meanwhile: store it as new
    }
    if (temp.size === 0 && !input.allowEmpty) throw new AppError("unsupported_type", "The file is empty.");
    const type = (temp.size > 0 ? await detectType(temp.path) : null) ?? (input.allowAnyFile || input.allowEmpty ? await detectAnyFile(temp.path, input.fileName) : null);
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
    await linkOriginal(temp.path, destination); // the slow part (fsync) outside the write lock
    const id = randomUUID();
    try {
      // The row, its name, its jobs, its audit entry and its search-index change commit together,
      // under the write lock, with the original checked (and re-linked) first.
      await db.$transaction(async (tx) => {
        await linkOriginal(temp.path, destination);
        await tx.asset.create({
          data: {
            id, sha256: temp.sha256, kind: type.kind, mimeType: type.mime, ext: type.ext, size: BigInt(temp.size),
            originalName: input.fileName, source: input.source, ...metadata,
            names: { create: { name: input.fileName, source: input.source } },
            jobs: { create: jobsForNewAsset(type.kind, type.mime).map((kind) => jobCreateData({ kind, assetId: id })) },
          },
        });
        await tx.ingestAudit.create({ data: auditRow({ ...audit, size: temp.size, sha256: temp.sha256, outcome: "ingested", assetId: id }) });
        await tx.searchChange.create({ data: { assetId: id } });
        await appendJournal(tx, ingestEntry(temp.sha256, input, metadata));
      });
    } catch (error) {
      // A concurrent upload of the same bytes committed first: same file, so answer "duplicate".
      const duplicate = await finishDuplicate(deps, input);
      if (!duplicate) throw error;
      return duplicate;
    }
    return { status: "ingested", assetId: id, sha256: temp.sha256 };
  } catch (error) {
    const appError = error instanceof AppError ? error : null;
    await recordIngestAttempt(db, {
      ...audit, size: temp.size, sha256: temp.sha256, outcome: "rejected",
      errorCode: appError?.code ?? "internal", message: (error as Error).message,
    });
    throw error;
  } finally {
    await removePath(paths, "temp", temp.path);
  }
}

/**
 * Same bytes already stored: in one write transaction, keep one original (re-linked from the
 * temp file if it is not on disk, so "duplicate" never answers for a lost or just-purged file),
 * take the row out of the trash and record the extra name. Null when no row has these bytes any
 * more (purged meanwhile): the caller stores them as new.
 */
async function finishDuplicate(deps: IngestDeps, input: IngestInput): Promise<IngestResult | null> {
  const { sha256, size, path: tempPath } = input.temp;
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.asset.findUnique({ where: { sha256 }, select: { id: true, ext: true } });
    if (!existing) return null;
    await linkOriginal(tempPath, originalPath(deps.paths, sha256, existing.ext));
    await tx.asset.updateMany({ where: { id: existing.id, trashedAt: { not: null } }, data: { trashedAt: null } });
    await tx.$executeRaw`INSERT OR IGNORE INTO "AssetName" ("assetId", "name", "source", "createdAt") VALUES (${existing.id}, ${input.fileName}, ${input.source}, ${sqlTime(new Date())})`;
    await tx.ingestAudit.create({
      data: auditRow({ source: input.source, client: input.client, originalName: input.fileName, size, sha256, outcome: "duplicate", assetId: existing.id }),
    });
    await appendJournal(tx, ingestEntry(sha256, input, null));
    return { status: "duplicate" as const, assetId: existing.id, sha256 };
  });
}

/** The journal's record of an arrival: the name and source, and a capture time the bytes cannot tell again. */
function ingestEntry(sha256: string, input: IngestInput, metadata: { capturedAt: Date; capturedAtSource: string; timeZone: string | null } | null): JournalOp {
  const told = metadata && ["client", "filename", "upload"].includes(metadata.capturedAtSource);
  return { op: "asset.ingest", sha256, name: input.fileName, source: input.source, ...(!told ? {} : { capturedAt: metadata.capturedAt.toISOString(), capturedAtSource: metadata.capturedAtSource, timeZone: metadata.timeZone }) };
}
