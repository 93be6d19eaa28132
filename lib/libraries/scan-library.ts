import fs from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "@/lib/config";
import { sqlTime, type Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { hashFile } from "@/lib/server/storage";
import { indexLibraryFiles, type FileIdentity, type KnownRow, type NewFile } from "./index-library-files";
import { mapLimit } from "./map-limit";
import { probeLibrary } from "./probe-library";
import { refreshSidecar } from "./refresh-sidecar";
import { walkLibrary, type WalkedFile } from "./walk-library";

export type ScanDeps = { db: Db; paths: LibraryPaths; config: Config };
export type ScanOptions = {
  /** Files per committed batch (the resume granularity). */
  batchSize?: number;
  /** Pause between batches, so the gallery and the job queue keep their share of the disk and CPU. */
  pauseMs?: number;
  /** Files hashed at once (new or changed files only). */
  hashConcurrency?: number;
  signal?: AbortSignal;
  /** Called after each committed batch (tests unmount the library here). */
  afterBatch?: () => Promise<void>;
};
export type LibraryScanResult = { state: "complete" | "stale" | "stopped"; seen: number; new: number; changed: number; flagged: number; reason: string | null };

/** A file not seen by this many complete scans of its available library in a row is flagged missing. */
export const MISSING_AFTER_SCANS = 2;
/** …and forgotten (its asset collected when it has no bytes left anywhere) once two more scans agreed. */
export const COLLECT_AFTER_SCANS = MISSING_AFTER_SCANS + 2;

/**
 * One scan of one external library (docs/libraries.md), resumable: probes it first (unavailable →
 * `stale`, nothing concluded); walks it in batches — size, mtime and inode first, hashing and
 * analysing only new or changed files — committing the seen marks, the cursor and the counters
 * per batch and probing again after each; at the end of a complete, error-free walk of a library
 * still available, a file not seen counts one more missing scan (flagged at MISSING_AFTER_SCANS).
 * Reads the library, never writes it.
 */
export async function scanLibrary(deps: ScanDeps, libraryId: string, options: ScanOptions = {}): Promise<LibraryScanResult> {
  const { db } = deps;
  const { batchSize = 500, pauseMs = 50, hashConcurrency = 2 } = options;
  let library = await db.library.findUniqueOrThrow({ where: { id: libraryId } });
  const result: LibraryScanResult = { state: "complete", seen: 0, new: 0, changed: 0, flagged: 0, reason: null };
  const expected = await topLevelNames(db, libraryId);
  const stale = async (reason: string): Promise<LibraryScanResult> => {
    // Probed again every few seconds while away: written only when something changes.
    await db.library.updateMany({ where: { id: libraryId, NOT: { state: "stale", stateReason: reason, availableScans: 0 } }, data: { state: "stale", stateReason: reason, availableScans: 0 } });
    return { ...result, state: "stale", reason };
  };
  const probe = await probeLibrary(library.root, expected);
  if (!probe.available) return stale(probe.reason);
  if (library.state !== "online") await comeBack(db, libraryId);
  if (!library.scanStartedAt) {
    library = await db.library.update({ where: { id: libraryId }, data: { scanRound: { increment: 1 }, scanStartedAt: new Date(), scanCursor: null, scanSeen: 0, scanNew: 0, scanChanged: 0, scanRequested: false } });
  }
  const round = library.scanRound;
  let clean = true;
  const walk = walkLibrary(library.root, library.scanCursor, () => {
    clean = false;
  });
  let batch: WalkedFile[] = [];
  const flush = async (): Promise<string | null> => {
    const done = await scanBatch(deps, { id: libraryId, root: library.root }, batch, round, hashConcurrency);
    if (!done.clean) clean = false;
    Object.assign(result, { seen: result.seen + batch.length, new: result.new + done.new, changed: result.changed + done.changed });
    await db.library.update({ where: { id: libraryId }, data: { scanCursor: batch.at(-1)!.relPath, scanSeen: { increment: batch.length }, scanNew: { increment: done.new }, scanChanged: { increment: done.changed } } });
    batch = [];
    await options.afterBatch?.();
    const again = await probeLibrary(library.root, expected);
    return again.available ? null : again.reason;
  };
  for await (const file of walk) {
    batch.push(file);
    if (batch.length < batchSize) continue;
    const reason = await flush();
    if (reason) return stale(reason);
    if (options.signal?.aborted) return { ...result, state: "stopped" };
    if (pauseMs > 0) await sleep(pauseMs);
  }
  if (batch.length > 0) {
    const reason = await flush();
    if (reason) return stale(reason);
  }
  const final = await probeLibrary(library.root, expected);
  if (!final.available) return stale(final.reason);
  if (clean) result.flagged = await countMissed(db, libraryId, round);
  await db.library.update({
    where: { id: libraryId },
    data: { state: "online", stateReason: null, scanStartedAt: null, scanCursor: null, lastScanAt: new Date(), lastScanMs: Date.now() - library.scanStartedAt!.getTime(), availableScans: clean ? { increment: 1 } : 0 },
  });
  return result;
}

/**
 * One batch: stat every file (and its sidecar, when its folder has one), mark the unchanged ones
 * seen in one statement, read again the sidecars that changed on their own, hash and index the rest.
 */
async function scanBatch(deps: ScanDeps, library: { id: string; root: string }, files: WalkedFile[], round: number, hashConcurrency: number): Promise<{ new: number; changed: number; clean: boolean }> {
  const { db } = deps;
  let clean = true;
  const full = (relPath: string) => path.join(/*turbopackIgnore: true*/ library.root, relPath);
  const identities = await Promise.all(files.map(async ({ relPath, sidecar }) => {
    const stat = await fs.lstat(full(relPath)).catch(() => null);
    if (!stat?.isFile()) clean = false; // gone between listing and stat (or unmounted): concludes nothing
    if (!stat?.isFile()) return null;
    const side = sidecar ? await fs.lstat(full(sidecar)).catch(() => null) : null;
    return { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, sidecarStamp: side?.isFile() ? `${side.size}:${side.mtimeMs}` : null } satisfies FileIdentity;
  }));
  const relPaths = files.map((f) => f.relPath);
  const rows = new Map((await db.libraryFile.findMany({ where: { libraryId: library.id, relPath: { in: relPaths } }, select: { id: true, relPath: true, size: true, mtimeMs: true, inode: true, sha256: true, assetId: true, missingScans: true, sidecarStamp: true } })).map((row) => [row.relPath, row]));
  const unchanged: number[] = [];
  const returned: number[] = [];
  const sidecarEdits: { id: number; assetId: string; relPath: string; was: string | null; stamp: string | null }[] = [];
  const work: { relPath: string; identity: FileIdentity; row: KnownRow | null }[] = [];
  relPaths.forEach((relPath, i) => {
    const identity = identities[i];
    if (!identity) return;
    const row = rows.get(relPath) ?? null;
    if (row && Number(row.size) === identity.size && row.mtimeMs === identity.mtimeMs && Number(row.inode) === identity.ino) {
      unchanged.push(row.id);
      if (row.missingScans > 0) returned.push(row.id);
      if (row.assetId && row.sidecarStamp !== identity.sidecarStamp) sidecarEdits.push({ id: row.id, assetId: row.assetId, relPath, was: row.sidecarStamp, stamp: identity.sidecarStamp });
    } else work.push({ relPath, identity, row });
  });
  if (unchanged.length > 0) await db.libraryFile.updateMany({ where: { id: { in: unchanged } }, data: { seenRound: round } });
  if (returned.length > 0) await reappeared(db, returned);
  for (const edit of sidecarEdits) await refreshSidecar(db, edit.assetId, full(edit.relPath), { rowId: edit.id, was: edit.was, stamp: edit.stamp });
  const hashes = await mapLimit(work, hashConcurrency, (item) => hashFile(full(item.relPath)).catch(() => null));
  const touched: { id: number; relPath: string; assetId: string | null; sidecarStamp: string | null; identity: FileIdentity }[] = [];
  const fresh: NewFile[] = [];
  for (const [i, item] of work.entries()) {
    const sha256 = hashes[i];
    if (!sha256) clean = false;
    else if (item.row?.sha256 === sha256) touched.push({ ...rows.get(item.relPath)!, identity: item.identity }); // touched (mtime, or inode after a copy back), same bytes
    else fresh.push({ ...item, sha256 });
  }
  for (const { id, relPath, assetId, sidecarStamp, identity } of touched) {
    await db.libraryFile.update({ where: { id }, data: { size: BigInt(identity.size), mtimeMs: identity.mtimeMs, inode: BigInt(identity.ino), seenRound: round, missingScans: 0, missingSince: null } });
    if (assetId && sidecarStamp !== identity.sidecarStamp) await refreshSidecar(db, assetId, full(relPath), { rowId: id, was: sidecarStamp, stamp: identity.sidecarStamp });
  }
  const outcomes = fresh.length > 0 ? await indexLibraryFiles(deps, library, fresh, round) : [];
  if (outcomes.includes("retry")) clean = false;
  const changed = fresh.filter((file, i) => file.row && outcomes[i] !== "retry").length;
  const added = fresh.filter((file, i) => !file.row && outcomes[i] !== "retry").length;
  return { new: added, changed, clean };
}

/** Rows seen again after missed scans: counters reset, and their assets are `ok` again. */
async function reappeared(db: Db, ids: number[]): Promise<void> {
  const rows = await db.libraryFile.findMany({ where: { id: { in: ids } }, select: { assetId: true } });
  await db.libraryFile.updateMany({ where: { id: { in: ids } }, data: { missingScans: 0, missingSince: null } });
  const assetIds = rows.map((r) => r.assetId).filter((id): id is string => id !== null);
  await db.asset.updateMany({ where: { id: { in: assetIds }, fileState: "missing" }, data: { fileState: "ok" } });
}

/**
 * End of a complete scan: every row of the library not seen in `round` counts a missed scan; at
 * MISSING_AFTER_SCANS it is flagged, and its asset turns `missing` when no other location of it
 * is left (another library's file, or a custody copy — the resolver would still find those).
 */
async function countMissed(db: Db, libraryId: string, round: number): Promise<number> {
  await db.libraryFile.updateMany({ where: { libraryId, seenRound: { lt: round } }, data: { missingScans: { increment: 1 }, seenRound: round } });
  const now = sqlTime(new Date());
  const flagged = await db.$executeRaw`UPDATE "LibraryFile" SET "missingSince" = ${now} WHERE "libraryId" = ${libraryId} AND "missingScans" >= ${MISSING_AFTER_SCANS} AND "missingSince" IS NULL`;
  await db.$executeRaw`UPDATE "Asset" SET "fileState" = 'missing' WHERE "fileState" = 'ok' AND "id" IN (SELECT "assetId" FROM "LibraryFile" WHERE "libraryId" = ${libraryId} AND "missingSince" IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM "LibraryFile" o WHERE o."assetId" = "Asset"."id" AND o."missingSince" IS NULL)`;
  return flagged;
}

/** The top-level names that hold indexed files: the entries an available library is expected to show. */
async function topLevelNames(db: Db, libraryId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`SELECT DISTINCT substr("relPath", 1, instr("relPath" || '/', '/') - 1) AS name FROM "LibraryFile" WHERE "libraryId" = ${libraryId} AND "missingSince" IS NULL`;
  return rows.map((r) => r.name);
}

/** A stale library is back: online again, and jobs that failed while its files could not be read run again. */
async function comeBack(db: Db, libraryId: string): Promise<void> {
  await db.library.update({ where: { id: libraryId }, data: { state: "online", stateReason: null } });
  await db.$executeRaw`UPDATE "Job" SET "status" = 'pending', "attempts" = 0, "lastError" = NULL, "leaseUntil" = NULL, "leasedBy" = NULL, "runAfter" = ${sqlTime(new Date())}
    WHERE "status" = 'failed' AND "assetId" IN (SELECT "assetId" FROM "LibraryFile" WHERE "libraryId" = ${libraryId})`;
}
