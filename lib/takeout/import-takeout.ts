import { randomUUID } from "node:crypto";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import { AppError } from "@/lib/errors";
import { appendJournal } from "@/lib/journal/append-journal";
import { markSearchStale } from "@/lib/search/mark-search-stale";
import { sqlTime } from "@/lib/server/db";
import { writeTempFile } from "@/lib/server/storage";
import { applyTakeoutMetadata } from "./apply-takeout-metadata";
import { albumKey, catalogueParts, DEFAULT_LIMITS, entryKey, TakeoutAbort, type Catalogue, type CatalogueEntry, type TakeoutLimits } from "./catalogue-parts";
import { matchSidecars, type MatchResult } from "./match-sidecars";
import type { TakeoutSidecar } from "./parse-sidecar";
import { openPart } from "./read-archive";
import { readOffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import { buildTakeoutReport, type TakeoutReport } from "./build-report";

export type TakeoutOptions = { includeTrashed?: boolean; limits?: Partial<TakeoutLimits> };

export type TakeoutProgress = { runId: string; phase: "catalogue" | "import"; entriesDone: number; entries: number; bytesDone: number; bytes: number };

export type TakeoutResult = { runId: string; report: TakeoutReport };

const YEAR_FOLDER = /(^|\s)(19|20)\d{2}$/;

/** How an import run records its inputs (the same parts in any order are the same run). */
export function takeoutInputsKey(inputs: string[]): string {
  return JSON.stringify([...inputs].sort());
}

/**
 * Imports Google Takeout parts (zips, tgzs or extracted folders) as one catalogue: pass 1 reads
 * every entry list and JSON (hostile archives abort here), pass 2 streams each photo/video/Drive
 * file through the normal ingest path with its sidecar's metadata, re-creates albums and links
 * edited copies. Every entry's fate is recorded; an interrupted run with the same inputs resumes,
 * and re-running skips what already landed. Returns the verification report.
 */
export async function importTakeout(deps: IngestDeps, inputs: string[], options: TakeoutOptions = {}, onProgress: (p: TakeoutProgress) => void = () => {}): Promise<TakeoutResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const parts = await Promise.all(inputs.map(openPart));
  const names = parts.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new AppError("bad_request", "Two parts have the same file name; give each part once.");
  const inputsKey = takeoutInputsKey(inputs);
  const previous = await deps.db.importRun.findFirst({ where: { inputs: inputsKey, status: { in: ["cataloguing", "importing"] } }, orderBy: { createdAt: "desc" } });
  const run = previous ?? (await deps.db.importRun.create({ data: { id: randomUUID(), inputs: inputsKey, options: JSON.stringify(options) } }));
  let catalogue: Catalogue;
  onProgress({ runId: run.id, phase: "catalogue", entriesDone: 0, entries: 0, bytesDone: 0, bytes: 0 });
  try {
    catalogue = await catalogueParts(parts, limits);
  } catch (error) {
    // Anything wrong while reading the archives (forged sizes, truncated or corrupt parts) aborts cleanly.
    throw await abortRun(deps, run.id, error instanceof TakeoutAbort ? error : new TakeoutAbort("archive", `unreadable: ${(error as Error).message}`));
  }
  const media = catalogue.entries.filter((e) => e.kind === "media" && e.place.area === "photos");
  const sidecarFiles = catalogue.entries.filter((e) => e.kind === "sidecar");
  const toFile = (e: CatalogueEntry) => ({ key: entryKey(e.part, e.path), dir: e.place.area === "photos" ? e.place.dir : "", name: e.place.area === "photos" ? e.place.name : "" });
  const matched = matchSidecars(media.map(toFile), sidecarFiles.map((e) => ({ ...toFile(e), title: catalogue.sidecars.get(entryKey(e.part, e.path))?.title })));
  if (!previous) {
    for (let i = 0; i < catalogue.entries.length; i += 500) {
      await deps.db.importEntry.createMany({
        data: catalogue.entries.slice(i, i + 500).map((e) => ({
          runId: run.id, part: e.part, path: e.path, kind: e.kind, size: BigInt(e.size),
          sidecar: matched.matches.get(entryKey(e.part, e.path))?.sidecar.replace("\u0000", "/") ?? null,
          ...(e.kind === "media" || e.kind === "drive" ? {} : { status: "skipped", reason: reasonFor(e) }),
        })),
      });
    }
  }
  await deps.db.importRun.update({ where: { id: run.id }, data: { status: "importing" } });
  // A TakeoutAbort (a lying entry) aborts the run; anything else (disk full, a stop) leaves it
  // "importing", to resume next time.
  await importEntries(deps, run.id, parts, catalogue, matched, options, onProgress);
  await linkEditedCopies(deps, run.id, matched);
  const report = await buildTakeoutReport(deps.db, run.id, catalogue, matched, await readOffDiskCoverage(deps));
  await deps.db.importRun.update({ where: { id: run.id }, data: { status: "done", report: JSON.stringify(report) } });
  return { runId: run.id, report };
}

function reasonFor(entry: CatalogueEntry): string {
  switch (entry.kind) {
    case "sidecar":
      return "metadata sidecar (merged into its photo)";
    case "album-meta":
      return "album metadata (used to re-create the album)";
    case "directory":
      return "folder";
    default:
      return entry.place.area === "other" ? entry.place.reason : "not a media file (JSON without photo metadata)";
  }
}

async function importEntries(
  deps: IngestDeps,
  runId: string,
  parts: Awaited<ReturnType<typeof openPart>>[],
  catalogue: Catalogue,
  matched: MatchResult,
  options: TakeoutOptions,
  onProgress: (p: TakeoutProgress) => void,
): Promise<void> {
  const pending = await deps.db.importEntry.findMany({ where: { runId, status: { in: ["pending", "failed"] } }, select: { part: true, path: true, size: true } });
  const todo = new Set(pending.map((e) => entryKey(e.part, e.path)));
  const progress: TakeoutProgress = { runId, phase: "import", entries: pending.length, entriesDone: 0, bytes: pending.reduce((sum, e) => sum + Number(e.size), 0), bytesDone: 0 };
  onProgress({ ...progress });
  const byKey = new Map(catalogue.entries.map((e) => [entryKey(e.part, e.path), e]));
  // Reading an entry (hashing it into tmp/) overlaps with landing the previous ones (fsyncs, rows).
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  const albums = new Map<string, Promise<string>>();
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
        const sidecarKey = matched.matches.get(key)?.sidecar;
        const sidecar = sidecarKey ? catalogue.sidecars.get(sidecarKey) : undefined;
        const where = { runId_part_path: { runId, part: part.name, path: archiveEntry.path } };
        if (sidecar?.trashed && !options.includeTrashed) {
          await deps.db.importEntry.update({ where, data: { status: "skipped", reason: "in the Google Photos trash (import with --include-trashed to keep it in the Albums trash)" } });
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
        const landing = landEntry(deps, { runId, entry, where, temp, sidecar, catalogue, albums })
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
  entry: CatalogueEntry;
  where: { runId_part_path: { runId: string; part: string; path: string } };
  temp: Awaited<ReturnType<typeof writeTempFile>>;
  sidecar: TakeoutSidecar | undefined;
  catalogue: Catalogue;
  albums: Map<string, Promise<string>>;
};

/** Ingests one entry's bytes with its sidecar's metadata, album membership and Drive folder, and records its fate. */
async function landEntry(deps: IngestDeps, { runId, entry, where, temp, sidecar, catalogue, albums }: Landing): Promise<void> {
  const name = entry.place.area === "other" ? entry.path : entry.place.name;
  try {
    const result = await ingestAsset(deps, { temp, fileName: name.normalize("NFC"), capturedAt: sidecar?.takenAt, source: "takeout", client: `takeout:${runId}`, allowAnyFile: entry.kind === "drive" });
    const albumId = entry.place.area === "photos" ? await albumFor(deps, catalogue, albums, entry.place.dir) : null;
    // Everything the Takeout adds to the photo, and the record of its fate, commit together.
    await deps.db.$transaction(async (tx) => {
      if (sidecar) await applyTakeoutMetadata(tx, result.assetId, sidecar, { intoTrash: sidecar.trashed, namePlaces: deps.config.enrichment.includes("places") });
      if (entry.place.area === "drive") {
        await tx.asset.update({ where: { id: result.assetId }, data: { folder: entry.place.dir } });
        await appendJournal(tx, { op: "asset.folder", sha256: result.sha256, folder: entry.place.dir });
      }
      // A single statement (an upsert on a compound key would be a nested transaction).
      if (albumId) {
        await tx.$executeRaw`INSERT OR IGNORE INTO "AlbumAsset" ("albumId", "assetId", "addedAt") VALUES (${albumId}, ${result.assetId}, ${sqlTime(new Date())})`;
        await markSearchStale(tx, [result.assetId]);
        await appendJournal(tx, { op: "album.add", id: albumId, sha256s: [result.sha256] });
      }
      await tx.importEntry.update({ where, data: { status: result.status === "ingested" ? "imported" : "duplicate", assetId: result.assetId, sha256: result.sha256, reason: null } });
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const deliberate = ["unsupported_type", "too_many_pixels"].includes(error.code);
    await deps.db.importEntry.update({ where, data: { status: deliberate ? "skipped" : "failed", reason: `${error.code}: ${error.message}`, sha256: temp.sha256 } });
    if (error.code === "out_of_space") throw error;
  }
}

async function abortRun(deps: IngestDeps, runId: string, abort: TakeoutAbort): Promise<TakeoutAbort> {
  await deps.db.importEntry.deleteMany({ where: { runId } });
  await deps.db.importRun.update({ where: { id: runId }, data: { status: "aborted", error: abort.message } });
  return abort;
}

/** Album folders are those with album metadata, or any folder that is not a "Photos from YYYY" year folder. */
export function isAlbumFolder(catalogue: Catalogue, dir: string): boolean {
  if (!dir) return false;
  return catalogue.albums.has(albumKey(dir)) || !YEAR_FOLDER.test(dir.split("/").at(-1)!);
}

/** The album a photo in `dir` belongs to (created once per run, found again on re-runs), or null. */
function albumFor(deps: IngestDeps, catalogue: Catalogue, albums: Map<string, Promise<string>>, dir: string): Promise<string | null> {
  if (!isAlbumFolder(catalogue, dir)) return Promise.resolve(null);
  const key = albumKey(dir);
  if (!albums.has(key)) {
    const meta = catalogue.albums.get(key);
    const sourceKey = `takeout:${key}`;
    albums.set(
      key,
      deps.db.$transaction(async (tx) => {
        const found = await tx.album.findUnique({ where: { sourceKey }, select: { id: true } });
        if (found) return found.id;
        const album = { id: randomUUID(), sourceKey, source: "takeout", title: meta?.title || dir.split("/").at(-1)!, description: meta?.description ?? null, date: meta?.date ?? null };
        await tx.album.create({ data: album });
        await appendJournal(tx, { op: "album.create", ...album, date: album.date?.toISOString() ?? null, sha256s: [] });
        return album.id;
      }),
    );
  }
  return albums.get(key)!;
}

async function linkEditedCopies(deps: IngestDeps, runId: string, matched: MatchResult): Promise<void> {
  const rows = await deps.db.importEntry.findMany({ where: { runId, assetId: { not: null } }, select: { part: true, path: true, assetId: true, sha256: true } });
  const assetOf = new Map(rows.map((r) => [entryKey(r.part, r.path), { id: r.assetId!, sha256: r.sha256! }]));
  for (const [edited, original] of matched.editedFrom) {
    const copy = assetOf.get(edited);
    const from = assetOf.get(original);
    if (!copy || !from || copy.id === from.id) continue;
    await deps.db.$transaction(async (tx) => {
      await tx.asset.update({ where: { id: copy.id }, data: { editedFromId: from.id } });
      await appendJournal(tx, { op: "asset.edited-from", sha256: copy.sha256, fromSha256: from.sha256 });
    });
  }
}
