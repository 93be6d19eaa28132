import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { originalPath, type LibraryPaths } from "@/lib/server/paths";
import { JOURNAL_DIR, type BackupManifest } from "./create-backup";
import { ensureResticRepository, runRestic, type ResticRepository } from "./restic";
import { snapshotDatabase } from "./snapshot-database";

/** Inside the data dir (so restic stores it at a relative path), under `tmp/` (swept at start-up). */
export const RESTIC_STAGE = path.join("tmp", "restic-snapshot");

export type ResticBackupResult = { snapshot: string; assets: number; missing: string[]; external: string[]; hashes: string[]; bytesAdded: number };

/**
 * Backs the library up into a restic repository as one consistent snapshot: an online SQLite copy
 * with its manifest (staged in `tmp/restic-snapshot/`), every original, the decision journal
 * (`journal/`, when present) and the library marker, stored at their paths relative to the data
 * dir. Originals never change once written, so files that land during the run are extra, never
 * torn. Originals that live only in external libraries are listed as `external`, and their
 * library folders backed up (at their absolute paths) only when the owner asked. restic deduplicates, encrypts and verifies what it uploads; the repository is created on
 * first use.
 */
export async function createResticBackup(paths: LibraryPaths, repo: ResticRepository, now = new Date()): Promise<ResticBackupResult> {
  await ensureResticRepository(repo);
  const stage = await claimStage(path.join(paths.root, RESTIC_STAGE));
  try {
    const snapshot = await snapshotDatabase(paths.database, path.join(stage, "albums.db"));
    const { libraryId } = snapshot;
    const notInCustody = snapshot.assets.filter((a) => !fs.existsSync(originalPath(paths, a.sha256, a.ext))).map((a) => a.sha256);
    const external = notInCustody.filter((sha) => snapshot.external.has(sha));
    const missing = notInCustody.filter((sha) => !snapshot.external.has(sha));
    const outside = new Set(external);
    const assets = snapshot.assets.filter((a) => !outside.has(a.sha256));
    const absent = new Set(notInCustody);
    const manifest: BackupManifest = { createdAt: now.toISOString(), libraryId, assets, missing, external };
    await fsp.writeFile(path.join(stage, "manifest.json"), JSON.stringify(manifest));
    const roots = snapshot.includeExternal ? snapshot.externalRoots : [];
    const include = [RESTIC_STAGE, path.relative(paths.root, paths.originals), JOURNAL_DIR, path.basename(paths.marker), ...roots].filter((rel) => fs.existsSync(path.resolve(paths.root, rel)));
    await runRestic(repo, ["unlock", "--quiet"]); // only removes locks left by a killed run
    const out = await runRestic(repo, ["backup", "--quiet", "--json", "--tag", "albums", ...include], paths.root);
    const summary = out.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { message_type: string; snapshot_id?: string; data_added?: number }).find((m) => m.message_type === "summary");
    if (!summary?.snapshot_id) throw new Error(`restic backup reported no snapshot: ${out.slice(-300)}`);
    return { snapshot: summary.snapshot_id, assets: assets.length, missing, external, hashes: assets.map((a) => a.sha256).filter((h) => !absent.has(h)), bytesAdded: summary.data_added ?? 0 };
  } finally {
    await fsp.rm(stage, { recursive: true, force: true });
  }
}

const STALE_STAGE_MS = 24 * 3_600_000;

/** Creates the stage folder exclusively: a second backup (the CLI beside the worker) refuses instead of emptying the first one's copy. */
async function claimStage(stage: string): Promise<string> {
  await fsp.mkdir(path.dirname(stage), { recursive: true });
  try {
    await fsp.mkdir(stage);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (Date.now() - (await fsp.stat(stage)).mtimeMs < STALE_STAGE_MS) throw new Error("Another restic backup of this library is running; this one is skipped.");
    await fsp.rm(stage, { recursive: true, force: true }); // left by a run that was killed a day ago
    await fsp.mkdir(stage);
  }
  return stage;
}
