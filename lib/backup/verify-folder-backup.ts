import fsp from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { hashFile } from "@/lib/server/storage";
import { listSnapshots, storePath, type BackupManifest, type OnBytes } from "./create-backup";

export type FolderVerification = { snapshot: string; checked: number };

/**
 * Re-reads the newest snapshot of an own-format backup folder: every original its manifest lists
 * is hashed again from the backup's store and compared with its SHA-256, and the database copy must
 * pass `integrity_check`. Throws naming what is damaged or absent. `onBytes` follows the re-reading.
 */
export async function verifyFolderBackup(destination: string, onBytes?: OnBytes): Promise<FolderVerification> {
  const name = (await listSnapshots(destination)).at(-1);
  if (!name) throw new Error(`No finished snapshot in ${destination}/snapshots to verify.`);
  const snapshot = path.join(destination, "snapshots", name);
  const manifest = JSON.parse(await fsp.readFile(path.join(snapshot, "manifest.json"), "utf8")) as BackupManifest;
  const missing = new Set(manifest.missing);
  const bad: string[] = [];
  let checked = 0;
  const present = manifest.assets.filter((a) => !missing.has(a.sha256));
  const totalBytes = present.reduce((sum, a) => sum + a.size, 0);
  let bytesDone = 0;
  for (const asset of present) {
    const actual = await hashFile(storePath(path.join(destination, "originals"), asset)).catch(() => null);
    if (actual !== asset.sha256) bad.push(asset.sha256);
    checked += 1;
    bytesDone += asset.size;
    onBytes?.(bytesDone, totalBytes);
  }
  const db = new Database(path.join(snapshot, "albums.db"), { readonly: true });
  try {
    if (db.pragma("integrity_check", { simple: true }) !== "ok") bad.push("albums.db");
  } finally {
    db.close();
  }
  if (bad.length > 0) throw new Error(`Backup snapshot ${name} is damaged: ${bad.length} file(s) unreadable or changed (${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ", …" : ""}).`);
  return { snapshot: name, checked };
}
