import { randomUUID } from "node:crypto";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import { readOffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import { AppError } from "@/lib/errors";
import { placeDriveFolders } from "@/lib/files/place-drive-folders";
import { appendJournal } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import { sqlTime, type DbTx } from "@/lib/server/db";
import { writeTempFile } from "@/lib/server/storage";
import { applyTakeoutMetadata } from "./apply-takeout-metadata";
import { buildTakeoutReport, UPDATED_PREFIX, type TakeoutReport } from "./build-report";
import { catalogueParts, DEFAULT_LIMITS, entryKey, TakeoutAbort, type Catalogue, type CatalogueEntry, type TakeoutLimits } from "./catalogue-parts";
import type { ImportPlan, ImportSource, PlannedMedia } from "./import-source";
import { linkLivePairs } from "./link-live-pairs";
import { openPart } from "./read-archive";
import { albumFor, type AlbumCache } from "./resolve-album";

export type TakeoutOptions = { includeTrashed?: boolean; limits?: Partial<TakeoutLimits> };

export type TakeoutProgress = { runId: string; phase: "catalogue" | "import"; entriesDone: number; entries: number; bytesDone: number; bytes: number };

export type TakeoutResult = { runId: string; report: TakeoutReport };

/** How an import run records its inputs (the same parts in any order are the same run). */
export function takeoutInputsKey(inputs: string[]): string {
  return JSON.stringify([...inputs].sort());
}

/**
 * Imports the parts of one export (zips, tgzs or extracted folders) as one catalogue, for any
 * `source` (Takeout, iCloud): pass 1 reads every entry list and metadata file (hostile archives
 * abort here) and plans the import, pass 2 streams each photo/video/Drive file through the normal
 * ingest path with its metadata, re-creates albums and links edited copies and Live Photos. Every
 * entry's fate is recorded; an interrupted run with the same inputs resumes, and a later export of
 * the same account adds only what is new or changed (the rest is "already in the library").
 * Returns the verification report.
 */
export async function runImport(deps: IngestDeps, source: ImportSource, inputs: string[], options: TakeoutOptions = {}, onProgress: (p: TakeoutProgress) => void = () => {}): Promise<TakeoutResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const parts = await Promise.all(inputs.map(openPart));
  const names = parts.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new AppError("bad_request", "Two parts have the same file name; give each part once.");
  const inputsKey = takeoutInputsKey(inputs);
  const previous = await deps.db.importRun.findFirst({ where: { inputs: inputsKey, status: { in: ["cataloguing", "importing"] } }, orderBy: { createdAt: "desc" } });
  const run = previous ?? (await deps.db.importRun.create({ data: { id: randomUUID(), inputs: inputsKey, options: JSON.stringify({ ...options, source: source.name }) } }));
  let catalogue: Catalogue;
  let plan: ImportPlan;
  onProgress({ runId: run.id, phase: "catalogue", entriesDone: 0, entries: 0, bytesDone: 0, bytes: 0 });
  try {
    const reader = source.reader();
    catalogue = await catalogueParts(parts, reader, limits);
    plan = reader.plan(catalogue);
  } catch (error) {
    // Anything wrong while reading the archives (forged sizes, truncated or corrupt parts) aborts cleanly.
    throw await abortRun(deps, run.id, error instanceof TakeoutAbort ? error : new TakeoutAbort("archive", `unreadable: ${(error as Error).message}`));
  }
  if (!previous) {
    for (let i = 0; i < catalogue.entries.length; i += 500) {
      await deps.db.importEntry.createMany({
        data: catalogue.entries.slice(i, i + 500).map((e) => ({
          runId: run.id, part: e.part, path: e.path, kind: e.kind, size: BigInt(e.size),
          sidecar: plan.media.get(entryKey(e.part, e.path))?.metadataFrom?.replace("\u0000", "/") ?? null,
          ...(e.kind === "media" || e.kind === "drive" ? {} : { status: "skipped", reason: source.reasonFor(e) }),
        })),
      });
    }
  }
  await deps.db.importRun.update({ where: { id: run.id }, data: { status: "importing" } });
  // A TakeoutAbort (a lying entry) aborts the run; anything else (disk full, a stop) leaves it
  // "importing", to resume next time.
  await importEntries(deps, { runId: run.id, runStartedAt: run.createdAt, source, parts, catalogue, plan, options }, onProgress);
  await linkEditedCopies(deps, run.id, plan);
  await linkLivePairs(deps, run.id, plan);
  await placeDriveFolders(deps.db);
  const report = await buildTakeoutReport(deps.db, run.id, source.name, plan, await readOffDiskCoverage(deps));
  await deps.db.importRun.update({ where: { id: run.id }, data: { status: "done", report: JSON.stringify(report) } });
  return { runId: run.id, report };
}

type Run = { runId: string; runStartedAt: Date; source: ImportSource; parts: Awaited<ReturnType<typeof openPart>>[]; catalogue: Catalogue; plan: ImportPlan; options: TakeoutOptions };

async function importEntries(deps: IngestDeps, { runId, runStartedAt, source, parts, catalogue, plan, options }: Run, onProgress: (p: TakeoutProgress) => void): Promise<void> {
  const pending = await deps.db.importEntry.findMany({ where: { runId, status: { in: ["pending", "failed"] } }, select: { part: true, path: true, size: true } });
  const todo = new Set(pending.map((e) => entryKey(e.part, e.path)));
  const progress: TakeoutProgress = { runId, phase: "import", entries: pending.length, entriesDone: 0, bytes: pending.reduce((sum, e) => sum + Number(e.size), 0), bytesDone: 0 };
  onProgress({ ...progress });
  const byKey = new Map(catalogue.entries.map((e) => [entryKey(e.part, e.path), e]));
  // Reading an entry (hashing it into tmp/) overlaps with landing the previous ones (fsyncs, rows).
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  const albums: AlbumCache = new Map();
  const finishEntry = (entry: CatalogueEntry) => {
    progress.entriesDone += 1;
    progress.bytesDone += entry.size;
    onProgress({ ...progress });
  };
  try {
    for (const part of parts) {
      await part.walk(async (archiveEntry, open) => {
        if (failure) throw failure;
        const key = entryKey(part.name, archiveEntry.path);
        if (!todo.has(key)) return;
        const entry = byKey.get(key)!;
        const planned = plan.media.get(key);
        const where = { runId_part_path: { runId, part: part.name, path: archiveEntry.path } };
        if (planned?.metadata?.trashed && !options.includeTrashed) {
          await deps.db.importEntry.update({ where, data: { status: "skipped", reason: source.trashedReason } });
          return finishEntry(entry);
        }
        let temp;
        try {
          temp = await writeTempFile(await open(), deps.paths.tmp, entry.size);
        } catch (error) {
          if (error instanceof AppError && error.code === "too_large") throw new TakeoutAbort(part.name, `entry ${JSON.stringify(archiveEntry.path)} is larger than its declared size (a zip bomb)`);
          if (error instanceof AppError) throw error; // disk full: stop, resume later
          throw new TakeoutAbort(part.name, `entry ${JSON.stringify(archiveEntry.path)} cannot be read (${(error as Error).message})`);
        }
        const landing = landEntry(deps, { runId, runStartedAt, source, entry, where, temp, planned, plan, albums })
          .then(() => finishEntry(entry))
          .catch((error: unknown) => {
            failure ??= error;
          });
        inFlight.add(landing);
        void landing.finally(() => inFlight.delete(landing));
        if (inFlight.size >= 4) await Promise.race(inFlight);
      });
      await Promise.all(inFlight);
      if (failure) throw failure;
    }
  } catch (error) {
    await Promise.all(inFlight);
    if (error instanceof TakeoutAbort) throw await abortRun(deps, runId, error);
    throw error;
  }
}

type Landing = {
  runId: string;
  runStartedAt: Date;
  source: ImportSource;
  entry: CatalogueEntry;
  where: { runId_part_path: { runId: string; part: string; path: string } };
  temp: Awaited<ReturnType<typeof writeTempFile>>;
  planned: PlannedMedia | undefined;
  plan: ImportPlan;
  albums: AlbumCache;
};

/**
 * Ingests one entry's bytes with its metadata, album memberships and Drive folder, and records its
 * fate; for a photo already in the library, what this export changed about it (metadata, albums).
 */
async function landEntry(deps: IngestDeps, { runId, runStartedAt, source, entry, where, temp, planned, plan, albums }: Landing): Promise<void> {
  const name = entry.place.area === "other" ? entry.path : entry.place.name;
  const metadata = planned?.metadata;
  try {
    const result = await ingestAsset(deps, { temp, fileName: name.normalize("NFC"), capturedAt: metadata?.takenAt, source: source.name, client: `${source.name}:${runId}`, allowAnyFile: entry.kind === "drive" });
    const albumIds = await Promise.all((planned?.albums ?? []).map((key) => albumFor(deps, { source: source.name, plan, cache: albums }, key)));
    // Everything the export adds to the photo, and the record of its fate, commit together.
    await deps.db.$transaction(async (tx) => {
      const changed = metadata ? await applyTakeoutMetadata(tx, result.assetId, metadata, { intoTrash: metadata.trashed, namePlaces: deps.config.enrichment.includes("places") }) : [];
      if (entry.place.area === "drive") {
        await tx.asset.update({ where: { id: result.assetId }, data: { folder: entry.place.dir } });
        await appendJournal(tx, { op: "asset.folder", sha256: result.sha256, folder: entry.place.dir });
      }
      for (const album of albumIds) {
        // A single statement (an upsert on a compound key would be a nested transaction).
        const added = await tx.$executeRaw`INSERT OR IGNORE INTO "AlbumAsset" ("albumId", "assetId", "addedAt") VALUES (${album.id}, ${result.assetId}, ${sqlTime(new Date())})`;
        if (added === 0) continue;
        changed.push(`added to album "${album.title}"`);
        await markSearchStale(tx, [result.assetId]);
        await appendJournal(tx, { op: "album.add", id: album.id, sha256s: [result.sha256] });
      }
      await tx.importEntry.update({ where, data: { status: result.status === "ingested" ? "imported" : "duplicate", assetId: result.assetId, sha256: result.sha256, reason: await duplicateReason(tx, runStartedAt, result, changed) } });
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const deliberate = ["unsupported_type", "too_many_pixels"].includes(error.code);
    await deps.db.importEntry.update({ where, data: { status: deliberate ? "skipped" : "failed", reason: `${error.code}: ${error.message}`, sha256: temp.sha256 } });
    if (error.code === "out_of_space") throw error;
  }
}

/** Why a file that was already there is a duplicate: another copy in this export, or from before (and what this export changed). */
async function duplicateReason(tx: DbTx, runStartedAt: Date, result: { status: string; assetId: string }, changed: string[]): Promise<string | null> {
  if (result.status === "ingested") return null;
  const asset = await tx.asset.findUnique({ where: { id: result.assetId }, select: { createdAt: true } });
  if (asset && asset.createdAt >= runStartedAt) return "another copy of a file in this export";
  return changed.length > 0 ? UPDATED_PREFIX + changed.join(", ") : "already in the library";
}

async function abortRun(deps: IngestDeps, runId: string, abort: TakeoutAbort): Promise<TakeoutAbort> {
  await deps.db.importEntry.deleteMany({ where: { runId } });
  await deps.db.importRun.update({ where: { id: runId }, data: { status: "aborted", error: abort.message } });
  return abort;
}

async function linkEditedCopies(deps: IngestDeps, runId: string, plan: ImportPlan): Promise<void> {
  const rows = await deps.db.importEntry.findMany({ where: { runId, assetId: { not: null } }, select: { part: true, path: true, assetId: true, sha256: true } });
  const assetOf = new Map(rows.map((r) => [entryKey(r.part, r.path), { id: r.assetId!, sha256: r.sha256! }]));
  for (const [edited, original] of plan.editedFrom) {
    const copy = assetOf.get(edited);
    const from = assetOf.get(original);
    if (!copy || !from || copy.id === from.id) continue;
    await deps.db.$transaction(async (tx) => {
      await tx.asset.update({ where: { id: copy.id }, data: { editedFromId: from.id } });
      await appendJournal(tx, { op: "asset.edited-from", sha256: copy.sha256, fromSha256: from.sha256 });
    });
  }
}
