import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "@/lib/config";
import { describeBytes, type DescribedBytes } from "@/lib/assets/describe-bytes";
import { newAssetData } from "@/lib/assets/new-asset-data";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/queue/enqueue";
import { jobsForNewAsset } from "@/lib/queue/kinds";
import { sqlTime, type Db } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { readXmpSidecar } from "./read-xmp-sidecar";

export type FileIdentity = { size: number; mtimeMs: number; ino: number };
export type KnownRow = { id: number; sha256: string; assetId: string | null };
export type IndexOutcome = "new" | "changed" | "known";

/** The source new assets from external libraries carry. */
export const LIBRARY_SOURCE = "library";

/**
 * Records one new or changed library file whose bytes hash to `sha256` (read in place, never
 * written): the asset with these bytes when there is one (a move or a copy keeps its albums,
 * faces, captions, favourites); else, when these were the only bytes of the path's previous asset,
 * that asset takes the new bytes and is analysed again; else a new asset (ingest description,
 * XMP sidecar, the usual jobs). Files Albums does not take are remembered with no asset.
 */
export async function indexLibraryFile(deps: { db: Db; paths: LibraryPaths; config: Config }, library: { id: string; root: string }, file: { relPath: string; identity: FileIdentity; sha256: string; row: KnownRow | null; round: number }): Promise<IndexOutcome> {
  const { db } = deps;
  const full = path.join(/*turbopackIgnore: true*/ library.root, file.relPath);
  const fileName = path.basename(file.relPath);
  const known = await db.asset.findUnique({ where: { sha256: file.sha256 }, select: { id: true } });
  let assetId = known?.id ?? null;
  let outcome: IndexOutcome = known ? "known" : "new";
  if (known) {
    await db.$executeRaw`INSERT OR IGNORE INTO "AssetName" ("assetId", "name", "source", "createdAt") VALUES (${known.id}, ${fileName}, ${LIBRARY_SOURCE}, ${sqlTime(new Date())})`;
  } else {
    const described = await describeBytes(deps.config, { path: full, size: file.identity.size }, { fileName }).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    if (described) {
      const description = await applySidecar(described, full);
      const previous = file.row?.assetId && (await soleLocation(deps, file.row.id, file.row.assetId)) ? file.row.assetId : null;
      if (previous) {
        await replaceBytes(db, previous, file.sha256, file.identity.size, described, description);
        assetId = previous;
        outcome = "changed";
      } else {
        assetId = randomUUID();
        const id = assetId;
        await db.$transaction(async (tx) => {
          await tx.asset.create({ data: { ...newAssetData(id, { sha256: file.sha256, size: file.identity.size }, described, { fileName, source: LIBRARY_SOURCE }), description } });
          await tx.searchChange.create({ data: { assetId: id } });
        });
      }
    }
  }
  const data = { size: BigInt(file.identity.size), mtimeMs: file.identity.mtimeMs, inode: BigInt(file.identity.ino), sha256: file.sha256, assetId, seenRound: file.round, missingScans: 0, missingSince: null };
  await db.libraryFile.upsert({ where: { libraryId_relPath: { libraryId: library.id, relPath: file.relPath } }, create: { libraryId: library.id, relPath: file.relPath, ...data }, update: data });
  return outcome;
}

/**
 * The sidecar's word wins over the file's own (it is where photo managers keep the owner's edits):
 * its capture time, GPS and rating go into the metadata; its description is returned.
 */
async function applySidecar(described: DescribedBytes, file: string): Promise<string | null> {
  const facts = await readXmpSidecar(file);
  if (!facts) return null;
  const m = described.metadata;
  if (facts.capturedAt) Object.assign(m, { capturedAt: facts.capturedAt, capturedAtSource: "xmp", timeZone: facts.timeZone ?? m.timeZone });
  if (facts.latitude !== undefined && facts.longitude !== undefined) Object.assign(m, { latitude: facts.latitude, longitude: facts.longitude });
  if (facts.rating !== undefined) m.metadataJson = JSON.stringify({ ...(m.metadataJson ? (JSON.parse(m.metadataJson) as object) : {}), sidecar: { rating: facts.rating } });
  return facts.description ?? null;
}

/** True when the library row `rowId` holds the only bytes of `assetId` (no other library file, no custody copy). */
async function soleLocation(deps: { db: Db; paths: LibraryPaths }, rowId: number, assetId: string): Promise<boolean> {
  const asset = await deps.db.asset.findUnique({ where: { id: assetId }, select: { sha256: true, ext: true } });
  if (!asset) return false;
  if ((await deps.db.libraryFile.count({ where: { assetId, id: { not: rowId } } })) > 0) return false;
  return !(await fs.lstat(originalPath(deps.paths, asset.sha256, asset.ext)).catch(() => null));
}

/** A file changed in place: the asset takes its new bytes, loses what was derived from the old ones and is analysed again. */
async function replaceBytes(db: Db, id: string, sha256: string, size: number, described: DescribedBytes, description: string | null): Promise<void> {
  const { type, metadata } = described;
  await db.$transaction(async (tx) => {
    const where = { assetId: id };
    await Promise.all([tx.derivative.deleteMany({ where }), tx.face.deleteMany({ where }), tx.embedding.deleteMany({ where }), tx.caption.deleteMany({ where }), tx.ocrText.deleteMany({ where }), tx.assetPlace.deleteMany({ where }), tx.assetHash.deleteMany({ where }), tx.documentText.deleteMany({ where })]);
    await tx.asset.update({ where: { id }, data: { sha256, size: BigInt(size), kind: type.kind, mimeType: type.mime, ext: type.ext, ...metadata, ...(description ? { description } : {}), decodeState: "pending", decodeError: null, thumbhash: null, fileState: "ok", verifiedAt: null } });
    for (const kind of jobsForNewAsset(type.kind, type.mime)) await enqueueJob(tx, { kind, assetId: id });
    await tx.searchChange.create({ data: { assetId: id } });
  });
}
