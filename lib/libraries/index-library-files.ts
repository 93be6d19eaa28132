import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "@/lib/config";
import { describeBytes, type DescribedBytes } from "@/lib/assets/describe-bytes";
import { newAssetData } from "@/lib/assets/new-asset-data";
import { AppError } from "@/lib/errors";
import { applyArrivals } from "@/lib/journal/apply-arrivals";
import { journalDirOf } from "@/lib/journal/journal-files";
import { enqueueJob } from "@/lib/queue/enqueue";
import { jobsForNewAsset } from "@/lib/queue/kinds";
import { sqlTime, type Db, type DbTx } from "@/lib/server/db";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { mapLimit } from "./map-limit";
import { readXmpSidecar } from "./read-xmp-sidecar";

/** A file as `lstat` sees it, with its sidecar's `<size>:<mtimeMs>` (null: none). */
export type FileIdentity = { size: number; mtimeMs: number; ino: number; sidecarStamp: string | null };
export type KnownRow = { id: number; sha256: string; assetId: string | null };
export type NewFile = { relPath: string; identity: FileIdentity; sha256: string; row: KnownRow | null };
export type IndexOutcome = "new" | "changed" | "known" | "retry";

/** The source new assets from external libraries carry. */
export const LIBRARY_SOURCE = "library";
/** Added to the priority of a library asset's first jobs (lower runs first; kinds span 10–90). */
const LIBRARY_JOB_PRIORITY = 100;

type Deps = { db: Db; paths: LibraryPaths; config: Config };
type Prepared = NewFile & { described: DescribedBytes | null; description: string | null; wasKnown: boolean };

/**
 * Records new or changed library files whose bytes hash to `sha256` (read in place, never
 * written), each as: the asset with these bytes when there is one (a move or a copy keeps its
 * albums, faces, captions, favourites); else, when these were the only bytes of the path's
 * previous asset, that asset taking the new bytes, analysed again; else a new asset (ingest
 * description, XMP sidecar, the usual jobs). After a rebuild, a photo the journal has decisions
 * about gets them when a scan finds it (applyArrivals), whether it is new or arrived before by an upload. Files Albums does not take are remembered with no
 * asset. The reading (type, metadata, sidecar) runs before, and all rows of the batch commit in
 * one write transaction (one fsync, not four per file). Outcomes in the order of `files`.
 */
export async function indexLibraryFiles(deps: Deps, library: { id: string; root: string }, files: NewFile[], round: number): Promise<IndexOutcome[]> {
  const known = new Set((await deps.db.asset.findMany({ where: { sha256: { in: files.map((f) => f.sha256) } }, select: { sha256: true } })).map((a) => a.sha256));
  // Two at a time: the metadata threads are two, and decoding headers leaves the other core busy.
  const prepared = await mapLimit(files, 2, (file) => prepare(deps, library, file, known.has(file.sha256)));
  return deps.db.$transaction(async (tx) => {
    const outcomes: IndexOutcome[] = [];
    for (const file of prepared) outcomes.push(await record(tx, deps.paths, library.id, file, round));
    // After a rebuild, the owner's decisions about these photos come back with them — also for one
    // uploaded again before this scan found it (its asset exists, still waiting for them).
    await applyArrivals(tx, journalDirOf(deps.paths.database), prepared.map((f) => f.sha256));
    return outcomes;
  });
}

async function prepare(deps: Deps, library: { root: string }, file: NewFile, wasKnown: boolean): Promise<Prepared> {
  if (wasKnown) return { ...file, described: null, description: null, wasKnown };
  const full = path.join(/*turbopackIgnore: true*/ library.root, file.relPath);
  const described = await describeBytes(deps.config, { path: full, size: file.identity.size }, { fileName: path.basename(file.relPath) }).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  return { ...file, described, description: described ? await applySidecar(described, full) : null, wasKnown };
}

async function record(tx: DbTx, paths: LibraryPaths, libraryId: string, file: Prepared, round: number): Promise<IndexOutcome> {
  const fileName = path.basename(file.relPath);
  const known = await tx.asset.findUnique({ where: { sha256: file.sha256 }, select: { id: true } });
  let assetId: string | null = known?.id ?? null;
  let outcome: IndexOutcome = known ? "known" : "new";
  if (known) {
    await tx.$executeRaw`INSERT OR IGNORE INTO "AssetName" ("assetId", "name", "source", "createdAt") VALUES (${known.id}, ${fileName}, ${LIBRARY_SOURCE}, ${sqlTime(new Date())})`;
  } else if (file.wasKnown) {
    return "retry"; // its asset was purged meanwhile: the next scan reads it again
  } else if (file.described) {
    const previous = file.row?.assetId && (await soleLocation(tx, paths, file.row.id, file.row.assetId)) ? file.row.assetId : null;
    if (previous) {
      await replaceBytes(tx, previous, file.sha256, file.identity.size, file.described, file.description);
      assetId = previous;
      outcome = "changed";
    } else {
      assetId = randomUUID();
      const data = newAssetData(assetId, { sha256: file.sha256, size: file.identity.size }, file.described, { fileName, source: LIBRARY_SOURCE });
      // A library of 30,000 photos must not hold up what is uploaded meanwhile: its jobs run after theirs.
      const jobs = { create: data.jobs.create.map((job) => ({ ...job, priority: job.priority + LIBRARY_JOB_PRIORITY })) };
      await tx.asset.create({ data: { ...data, jobs, description: file.description } });
      await tx.searchChange.create({ data: { assetId } });
    }
  }
  const data = { size: BigInt(file.identity.size), mtimeMs: file.identity.mtimeMs, inode: BigInt(file.identity.ino), sidecarStamp: file.identity.sidecarStamp, sha256: file.sha256, assetId, seenRound: round, missingScans: 0, missingSince: null };
  await tx.libraryFile.upsert({ where: { libraryId_relPath: { libraryId, relPath: file.relPath } }, create: { libraryId, relPath: file.relPath, ...data }, update: data });
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
async function soleLocation(tx: DbTx, paths: LibraryPaths, rowId: number, assetId: string): Promise<boolean> {
  const asset = await tx.asset.findUnique({ where: { id: assetId }, select: { sha256: true, ext: true } });
  if (!asset) return false;
  if ((await tx.libraryFile.count({ where: { assetId, id: { not: rowId } } })) > 0) return false;
  return !(await fs.lstat(originalPath(paths, asset.sha256, asset.ext)).catch(() => null));
}

/** A file changed in place: the asset takes its new bytes, loses what was derived from the old ones and is analysed again. */
async function replaceBytes(tx: DbTx, id: string, sha256: string, size: number, described: DescribedBytes, description: string | null): Promise<void> {
  const { type, metadata } = described;
  {
    const where = { assetId: id };
    await Promise.all([tx.derivative.deleteMany({ where }), tx.face.deleteMany({ where }), tx.embedding.deleteMany({ where }), tx.caption.deleteMany({ where }), tx.ocrText.deleteMany({ where }), tx.assetPlace.deleteMany({ where }), tx.assetHash.deleteMany({ where }), tx.documentText.deleteMany({ where })]);
    await tx.asset.update({ where: { id }, data: { sha256, size: BigInt(size), kind: type.kind, mimeType: type.mime, ext: type.ext, ...metadata, ...(description ? { description } : {}), decodeState: "pending", decodeError: null, thumbhash: null, fileState: "ok", verifiedAt: null } });
    for (const kind of jobsForNewAsset(type.kind, type.mime, type.ext)) await enqueueJob(tx, { kind, assetId: id });
    await tx.searchChange.create({ data: { assetId: id } });
  }
}
