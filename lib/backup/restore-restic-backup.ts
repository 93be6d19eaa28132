import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { libraryPaths, originalPath } from "@/lib/server/paths";
import { hashFile } from "@/lib/server/storage";
import type { BackupManifest } from "./create-backup";
import { RESTIC_STAGE } from "./create-restic-backup";
import { runRestic, type ResticRepository } from "./restic";

export type ResticRestoreResult = { snapshot: string; assets: number };

/**
 * Restores a restic snapshot (default: the newest Albums one) into an empty data dir: restic
 * writes originals, journal and marker at their places (checking every blob it reads), the staged
 * database copy becomes `albums.db` after `integrity_check`, and every original the manifest lists
 * is re-hashed against its SHA-256. Refuses a non-empty target; throws naming what is absent or changed.
 */
export async function restoreResticBackup(repo: ResticRepository, dataDir: string, snapshot = "latest"): Promise<ResticRestoreResult> {
  if (fs.existsSync(dataDir) && (await fsp.readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty; restore into an empty folder, then point ALBUMS_DATA_DIR at it.`);
  }
  const paths = libraryPaths(dataDir);
  await fsp.mkdir(paths.root, { recursive: true });
  const id = snapshot === "latest" ? newestSnapshot(await runRestic(repo, ["snapshots", "--json", "--tag", "albums", "--latest", "1"])) : snapshot;
  await runRestic(repo, ["restore", id, "--target", paths.root, "--quiet"]);
  const stage = path.join(paths.root, RESTIC_STAGE);
  const manifest = JSON.parse(await fsp.readFile(path.join(stage, "manifest.json"), "utf8")) as BackupManifest;
  const copy = new Database(path.join(stage, "albums.db"), { readonly: true });
  try {
    if (copy.pragma("integrity_check", { simple: true }) !== "ok") throw new Error("The database in the backup fails integrity_check.");
  } finally {
    copy.close();
  }
  const absent = new Set(manifest.missing);
  const bad: string[] = [];
  for (const asset of manifest.assets) {
    if (absent.has(asset.sha256)) continue;
    if ((await hashFile(originalPath(paths, asset.sha256, asset.ext)).catch(() => null)) !== asset.sha256) bad.push(`${asset.sha256}.${asset.ext}`);
  }
  if (bad.length > 0) throw new Error(`The restored originals are incomplete: ${bad.length} absent or changed (${bad.slice(0, 5).join(", ")}).`);
  await fsp.rename(path.join(stage, "albums.db"), paths.database);
  await fsp.rm(stage, { recursive: true, force: true });
  for (const dir of [paths.originals, paths.derived, paths.tmp, paths.models, paths.uploads]) await fsp.mkdir(dir, { recursive: true });
  return { snapshot: id, assets: manifest.assets.length };
}

function newestSnapshot(json: string): string {
  const snapshots = JSON.parse(json) as { short_id: string; time: string }[];
  const newest = snapshots.sort((a, b) => a.time.localeCompare(b.time)).at(-1);
  if (!newest) throw new Error("The restic repository holds no Albums snapshot yet.");
  return newest.short_id;
}
