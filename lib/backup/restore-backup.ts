import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { libraryPaths, originalPath } from "@/lib/server/paths";
import { copyVerified, JOURNAL_DIR, listSnapshots, storePath, type BackupManifest } from "./create-backup";

export type RestoreResult = { snapshot: string; assets: number };

/**
 * Restores a snapshot (default: the newest) into an empty data dir: the database, every original
 * re-hashed against the manifest, the decision journal and the library marker. Refuses a non-empty target.
 */
export async function restoreBackup(backupDir: string, dataDir: string, snapshotName?: string): Promise<RestoreResult> {
  const name = snapshotName ?? (await listSnapshots(backupDir)).at(-1);
  if (!name) throw new Error(`No finished snapshot in ${backupDir}/snapshots.`);
  const snapshot = path.join(backupDir, "snapshots", name);
  const manifest = JSON.parse(await fsp.readFile(path.join(snapshot, "manifest.json"), "utf8")) as BackupManifest;
  if (fs.existsSync(dataDir) && (await fsp.readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty; restore into an empty folder, then point ALBUMS_DATA_DIR at it.`);
  }
  const paths = libraryPaths(dataDir);
  for (const dir of [paths.originals, paths.derived, paths.tmp, paths.models, paths.uploads]) await fsp.mkdir(dir, { recursive: true });
  for (const asset of manifest.assets) {
    const source = storePath(path.join(backupDir, "originals"), asset);
    if (!fs.existsSync(source)) {
      if (manifest.missing.includes(asset.sha256)) continue;
      throw new Error(`The backup lacks original ${asset.sha256}.${asset.ext}.`);
    }
    await copyVerified(source, originalPath(paths, asset.sha256, asset.ext), asset.sha256);
  }
  if (fs.existsSync(path.join(snapshot, JOURNAL_DIR))) await fsp.cp(path.join(snapshot, JOURNAL_DIR), path.join(paths.root, JOURNAL_DIR), { recursive: true });
  await fsp.copyFile(path.join(snapshot, "albums.db"), paths.database);
  if (manifest.libraryId) await fsp.writeFile(paths.marker, `${manifest.libraryId}\n`);
  return { snapshot: name, assets: manifest.assets.length };
}
