import fsp from "node:fs/promises";
import path from "node:path";
import type { Config } from "@/lib/config";
import type { LibraryPaths } from "@/lib/server/paths";
import type { BackupKind } from "./backup-status";
import { createBackup, type BackupManifest, type OnBytes } from "./create-backup";
import { createResticBackup } from "./create-restic-backup";
import { deviceOf } from "./device-of";
import { runRestic } from "./restic";
import { verifyFolderBackup } from "./verify-folder-backup";

export type TargetBackup = { snapshot: string; assets: number; missing: string[]; hashes: string[] };

/** One place backups go: how to write a snapshot there and how to re-read all of it. */
export type BackupTarget = {
  kind: BackupKind;
  /** Where, for people (a password in a rest: URL is masked). */
  label: string;
  /** Whether it survives the loss of the library's disk: another filesystem, or another machine. */
  offDisk: () => boolean;
  /** `onBytes` is followed where the target counts the bytes it handles (the own-format folder; restic does not tell). */
  backup: (now: Date, onBytes?: OnBytes) => Promise<TargetBackup>;
  /** Re-reads every stored byte and checks it; throws when anything is damaged or unreachable. */
  verify: (onBytes?: OnBytes) => Promise<void>;
};

/**
 * The configured targets: the own-format folder (ALBUMS_BACKUP_DIR) always, and the restic
 * repository (ALBUMS_BACKUP_REPOSITORY) when set.
 */
export function backupTargets(paths: LibraryPaths, config: Config): BackupTarget[] {
  const otherDevice = (target: string) => () => deviceOf(target) !== deviceOf(paths.root);
  const folder: BackupTarget = {
    kind: "folder",
    label: config.backupDir,
    offDisk: otherDevice(config.backupDir),
    backup: async (now, onBytes) => {
      const result = await createBackup(paths, config.backupDir, config.backupKeep, now, onBytes);
      const manifest = JSON.parse(await fsp.readFile(path.join(result.snapshot, "manifest.json"), "utf8")) as BackupManifest;
      const missing = new Set(result.missing);
      return { snapshot: path.basename(result.snapshot), assets: result.assets, missing: result.missing, hashes: manifest.assets.map((a) => a.sha256).filter((h) => !missing.has(h)) };
    },
    verify: async (onBytes) => {
      await verifyFolderBackup(config.backupDir, onBytes);
    },
  };
  const repo = config.backupRepository;
  if (!repo) return [folder];
  const restic: BackupTarget = {
    kind: "restic",
    label: repo.repository.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@"),
    offDisk: repo.repository.startsWith("/") ? otherDevice(repo.repository) : () => true,
    backup: (now) => createResticBackup(paths, repo, now),
    verify: async () => {
      await runRestic(repo, ["check", "--read-data", "--quiet"]);
    },
  };
  return [folder, restic];
}

/** Asks `offDisk` safely: an unreadable target (a volume that is not mounted) does not count as off-disk. */
export function isOffDisk(offDisk: () => boolean): boolean {
  try {
    return offDisk();
  } catch {
    return false;
  }
}
