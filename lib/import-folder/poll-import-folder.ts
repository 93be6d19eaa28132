import { moveImportedFile } from "@/lib/custody/move-imported-file";
import type { JobContext } from "@/lib/queue/handler";
import { originalPath } from "@/lib/server/paths";
import { ingestImportFile } from "./ingest-import-file";
import { writeImportFolderPoll } from "./import-folder-poll";
import { walkImportFolder, type ObservedFile } from "./walk-import-folder";

/** A file that could not be read or stored (disk full, I/O error) is tried again after this long. */
const RETRY_MS = 10 * 60_000;

export type PollSummary = { files: number; ingested: number; duplicates: number; skipped: number; failed: number; moved: number };

type LedgerRow = { path: string; size: bigint; mtimeMs: number; state: string; updatedAt: Date; assetId: string | null; movedTo: string | null };

/**
 * One poll of the import folder (ALBUMS_IMPORT_DIR): lists it, records new and changed files as
 * waiting, ingests those whose size and mtime did not move since the previous poll (complete:
 * Syncthing and browsers write under temp names, which are never listed), and with
 * ALBUMS_IMPORT_MOVE moves ingested files to `imported/` (lib/custody). The ledger
 * (ImportFolderFile) makes it restart-safe: a file is ingested once per content, and a crash
 * between the ingest and the ledger write only costs a "duplicate" answer on the next poll. A
 * folder that cannot be read (unmounted) changes nothing. Null when no import folder is set.
 */
export async function pollImportFolder(ctx: JobContext, signal?: AbortSignal): Promise<PollSummary | null> {
  const settings = ctx.config.importFolder;
  if (!settings) return null;
  const { db } = ctx;
  const folder = settings.dir;
  let files: ObservedFile[];
  try {
    files = await walkImportFolder(folder);
  } catch (error) {
    await writeImportFolderPoll(db, { folder, at: new Date().toISOString(), error: (error as Error).message, files: 0 });
    ctx.log.warn("import folder unreadable", { folder, error: (error as Error).message });
    return null;
  }
  await writeImportFolderPoll(db, { folder, at: new Date().toISOString(), error: null, files: files.length });
  const rows = new Map<string, LedgerRow>((await db.importFolderFile.findMany({ where: { folder } })).map((row) => [row.path, row]));
  const { changed, stable } = classify(files, rows, settings.move);
  await recordObservations(ctx, folder, changed, rows);
  await settleVanished(ctx, folder, files, rows);

  const summary: PollSummary = { files: files.length, ingested: 0, duplicates: 0, skipped: 0, failed: 0, moved: 0 };
  const where = (file: { path: string }) => ({ folder_path: { folder, path: file.path } });
  for (const file of stable) {
    if (signal?.aborted) break;
    // Already ingested (a failed row with an asset is one whose move failed): only the move is left.
    let assetId = rows.get(file.path)?.assetId ?? null;
    if (!assetId) {
      const outcome = await ingestImportFile(ctx, folder, file);
      if (outcome.state === "waiting") continue;
      if (outcome.state !== "ingested") {
        summary[outcome.state] += 1;
        ctx.log.warn(`import folder: ${outcome.state}`, { path: file.path, reason: outcome.reason });
        await db.importFolderFile.update({ where: where(file), data: { state: outcome.state, reason: outcome.reason } });
        continue;
      }
      summary[outcome.status === "duplicate" ? "duplicates" : "ingested"] += 1;
      await db.importFolderFile.update({
        where: where(file),
        data: { state: "ingested", sha256: outcome.sha256, assetId: outcome.assetId, reason: outcome.status === "duplicate" ? "already in the library" : null },
      });
      assetId = outcome.assetId;
    }
    if (!settings.move) continue;
    try {
      const asset = await db.asset.findUnique({ where: { id: assetId }, select: { sha256: true, ext: true } });
      if (!asset) throw new Error("its photo is no longer in the library");
      const to = await moveImportedFile(
        ctx.paths,
        { folder, from: file.path, to: rows.get(file.path)?.movedTo ?? null, sha256: asset.sha256, original: originalPath(ctx.paths, asset.sha256, asset.ext) },
        async (movedTo) => void (await db.importFolderFile.update({ where: where(file), data: { movedTo } })),
      );
      await db.importFolderFile.update({ where: where(file), data: { state: "moved", movedTo: to } });
      summary.moved += 1;
    } catch (error) {
      summary.failed += 1;
      ctx.log.warn("import folder: ingested but not moved", { path: file.path, error: (error as Error).message });
      await db.importFolderFile.update({ where: where(file), data: { state: "failed", reason: `ingested, but not moved to imported/: ${(error as Error).message}` } });
    }
  }
  return summary;
}

/** New or changed files (observed again), and files unchanged since the last poll with work left. */
function classify(files: ObservedFile[], rows: Map<string, LedgerRow>, move: boolean): { changed: ObservedFile[]; stable: ObservedFile[] } {
  const changed: ObservedFile[] = [];
  const stable: ObservedFile[] = [];
  const now = Date.now();
  for (const file of files) {
    const row = rows.get(file.path);
    if (!row || Number(row.size) !== file.size || row.mtimeMs !== file.mtimeMs) changed.push(file);
    else if (row.state === "waiting" || (row.state === "ingested" && move) || (row.state === "failed" && now - row.updatedAt.getTime() >= RETRY_MS)) stable.push(file);
  }
  return { changed, stable };
}

/** Records new and changed files as waiting (a changed file is new content: it is ingested again once stable). */
async function recordObservations({ db }: JobContext, folder: string, changed: ObservedFile[], rows: Map<string, LedgerRow>): Promise<void> {
  const fresh = changed.filter((file) => !rows.has(file.path));
  for (let i = 0; i < fresh.length; i += 1000) {
    await db.importFolderFile.createMany({ data: fresh.slice(i, i + 1000).map((file) => ({ folder, path: file.path, size: BigInt(file.size), mtimeMs: file.mtimeMs, state: "waiting" })) });
  }
  const seenAt = new Date();
  for (const file of changed.filter((file) => rows.has(file.path))) {
    await db.importFolderFile.update({
      where: { folder_path: { folder, path: file.path } },
      data: { size: BigInt(file.size), mtimeMs: file.mtimeMs, state: "waiting", reason: null, sha256: null, assetId: null, movedTo: null, seenAt },
    });
  }
}

/**
 * Rows whose file is gone: ingested/moved ones stay (the history that keeps a file from coming
 * back in once the owner deleted its photo); an ingested one whose move had begun is moved; the rest go.
 */
async function settleVanished({ db }: JobContext, folder: string, files: ObservedFile[], rows: Map<string, LedgerRow>): Promise<void> {
  const present = new Set(files.map((file) => file.path));
  const gone = [...rows.values()].filter((row) => !present.has(row.path));
  const finished = gone.filter((row) => row.state === "ingested" && row.movedTo !== null).map((row) => row.path);
  const dropped = gone.filter((row) => row.state !== "ingested" && row.state !== "moved").map((row) => row.path);
  if (finished.length > 0) await db.importFolderFile.updateMany({ where: { folder, path: { in: finished } }, data: { state: "moved" } });
  if (dropped.length > 0) await db.importFolderFile.deleteMany({ where: { folder, path: { in: dropped } } });
}
