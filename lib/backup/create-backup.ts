import { createHash } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { holdGraveyard } from "@/lib/custody/hold-graveyard";
import { withOriginal } from "@/lib/custody/with-original";
import type { LibraryPaths } from "@/lib/server/paths";
import { hashFile, syncFile } from "@/lib/server/storage";
import { snapshotDatabase } from "./snapshot-database";

export type ManifestEntry = { sha256: string; ext: string; size: number };
/** `external`: assets left where they live, in external libraries (the owner did not ask to back those up). */
export type BackupManifest = { createdAt: string; libraryId: string | null; assets: ManifestEntry[]; missing: string[]; external?: string[] };
/** Told after each original is handled (copied, already there, or missing): bytes of originals done so far of the snapshot's total. */
export type OnBytes = (done: number, total: number) => void;

export type BackupResult = { snapshot: string; assets: number; copied: number; bytesCopied: number; missing: string[]; external: string[]; pruned: string[] };

/** `YYYYMMDDTHHMMSSmmmZ` (UTC, to the millisecond); before, to the second (still listed). */
const SNAPSHOT_NAME = /^\d{8}T\d{6}(\d{3})?Z$/;
/** The owner's decision journal (lib/journal), relative to the data dir; backed up when present. */
export const JOURNAL_DIR = "journal";

/**
 * Backs the library up into `destination` while it keeps running:
 * 1. an online SQLite backup (a consistent snapshot, never a file copy of a live database);
 * 2. every original the snapshot references, copied once into a shared content-addressed store
 *    (incremental) and re-hashed after writing; originals that live only in external libraries
 *    are copied from there only when the owner asked (settings), else listed as `external`;
 * 3. a manifest of those originals with their hashes, `integrity_check` of the copy, and a copy of
 *    the decision journal (`journal/`) when there is one;
 * 4. the snapshot folder appears (rename) only when all of that succeeded; old ones beyond `keep`
 *    are pruned together with originals no remaining snapshot references.
 */
export async function createBackup(paths: LibraryPaths, destination: string, keep = 7, now = new Date(), onBytes?: OnBytes): Promise<BackupResult> {
  const snapshots = path.join(destination, "snapshots");
  const name = await freeSnapshotName(snapshots, now);
  const store = path.join(destination, "originals");
  const partial = path.join(snapshots, `${name}.partial`);
  await fsp.mkdir(partial, { recursive: true });
  // Originals purged after the snapshot below stay readable in the graveyard until we are done.
  const release = await holdGraveyard(paths);
  try {
    const dbCopy = path.join(partial, "albums.db");
    const snapshot = await snapshotDatabase(paths.database, dbCopy);
    const { libraryId } = snapshot;
    let copied = 0;
    let bytesCopied = 0;
    const missing: string[] = [];
    const external: string[] = [];
    const assets: ManifestEntry[] = [];
    const totalBytes = snapshot.assets.reduce((sum, a) => sum + a.size, 0);
    let bytesDone = 0;
    for (const asset of snapshot.assets) {
      if (bytesDone > 0) onBytes?.(bytesDone, totalBytes);
      bytesDone += asset.size;
      const target = storePath(store, asset);
      if ((await fsp.stat(target).catch(() => null))?.size === asset.size) {
        assets.push(asset);
        continue;
      }
      const elsewhere = snapshot.includeExternal ? (snapshot.external.get(asset.sha256) ?? []) : [];
      if (!(await withOriginal(paths, asset.sha256, asset.ext, (source) => copyVerified(source, target, asset.sha256), elsewhere))) {
        if (snapshot.external.has(asset.sha256) && !snapshot.includeExternal) external.push(asset.sha256);
        else {
          missing.push(asset.sha256);
          assets.push(asset);
        }
        continue;
      }
      assets.push(asset);
      copied += 1;
      bytesCopied += asset.size;
    }
    onBytes?.(bytesDone, totalBytes);
    const manifest: BackupManifest = { createdAt: now.toISOString(), libraryId, assets, missing, external };
    await fsp.writeFile(path.join(partial, "manifest.json"), JSON.stringify(manifest));
    if (fs.existsSync(path.join(paths.root, JOURNAL_DIR))) await fsp.cp(path.join(paths.root, JOURNAL_DIR), path.join(partial, JOURNAL_DIR), { recursive: true });
    await syncFile(path.join(partial, "manifest.json"));
    await syncFile(dbCopy);
    await fsp.rename(partial, path.join(snapshots, name));
    await syncFile(snapshots);
    const pruned = await pruneBackups(destination, keep);
    return { snapshot: path.join(snapshots, name), assets: assets.length, copied, bytesCopied, missing, external, pruned };
  } catch (error) {
    await fsp.rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await release();
  }
}

/**
 * The snapshot's folder name for `now`, to the millisecond, one millisecond later while a snapshot
 * (or an unfinished one) already has it: two backups in the same second (a press of "Back up now"
 * right after the scheduled one) each keep their own folder.
 */
async function freeSnapshotName(snapshots: string, now: Date): Promise<string> {
  for (let at = now.getTime(); ; at += 1) {
    const name = new Date(at).toISOString().replace(/[-:.]/g, "");
    const taken = await Promise.all([name, `${name}.partial`].map((n) => fsp.lstat(path.join(snapshots, n)).then(() => true, () => false)));
    if (!taken.includes(true)) return name;
  }
}

export function storePath(store: string, asset: { sha256: string; ext: string }): string {
  return path.join(store, asset.sha256.slice(0, 2), asset.sha256.slice(2, 4), `${asset.sha256}.${asset.ext}`);
}

/** Copies via a temp file, hashing on the way; fsync + rename only if the hash matches. */
export async function copyVerified(source: string, target: string, sha256: string): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.partial`;
  const hash = createHash("sha256");
  const input = fs.createReadStream(source);
  input.on("data", (chunk) => hash.update(chunk));
  await pipeline(input, fs.createWriteStream(temp));
  if (hash.digest("hex") !== sha256 || (await hashFile(temp)) !== sha256) {
    await fsp.rm(temp, { force: true });
    throw new Error(`copy of ${source} does not match its SHA-256 ${sha256}`);
  }
  await syncFile(temp);
  await fsp.rename(temp, target);
  await syncFile(path.dirname(target));
}

/** Snapshot folder names, oldest first (unfinished `.partial` ones excluded; a name to the second counts as its .000). */
export async function listSnapshots(destination: string): Promise<string[]> {
  const entries = await fsp.readdir(path.join(destination, "snapshots")).catch(() => []);
  const key = (name: string) => name.slice(0, -1).padEnd(18, "0");
  return entries.filter((e) => SNAPSHOT_NAME.test(e)).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Keeps the newest `keep` snapshots; deletes the rest and originals no kept manifest lists. */
async function pruneBackups(destination: string, keep: number): Promise<string[]> {
  const all = await listSnapshots(destination);
  const drop = all.slice(0, Math.max(0, all.length - keep));
  for (const name of drop) await fsp.rm(path.join(destination, "snapshots", name), { recursive: true, force: true });
  if (drop.length === 0) return [];
  const referenced = new Set<string>();
  for (const name of all.slice(drop.length)) {
    const manifest = JSON.parse(await fsp.readFile(path.join(destination, "snapshots", name, "manifest.json"), "utf8")) as BackupManifest;
    for (const asset of manifest.assets) referenced.add(`${asset.sha256}.${asset.ext}`);
  }
  const store = path.join(destination, "originals");
  for (const entry of (await fsp.readdir(store, { recursive: true, withFileTypes: true })) as fs.Dirent[]) {
    if (entry.isFile() && !referenced.has(entry.name)) await fsp.rm(path.join(entry.parentPath, entry.name), { force: true });
  }
  return drop;
}
