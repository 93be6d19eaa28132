import fsp from "node:fs/promises";
import path from "node:path";
import type { LibraryPaths } from "@/lib/server/paths";
import { writeDerivedFile } from "@/lib/server/storage";
import type { BackupKind } from "./backup-status";

/** Which originals (by SHA-256) one snapshot of a target holds, and when a verification covered it. */
export type BackupCoverage = { kind: BackupKind; target: string; snapshot: string; takenAt: string; verifiedAt: string | null; hashes: string[] };

// Kept beside the library (not in the database: 100k hashes are megabytes) and rewritten
// atomically; losing them only means waiting for the next backup and verification.
const file = (paths: LibraryPaths, kind: BackupKind, state: "pending" | "verified") => path.join(paths.root, "backup-coverage", `${kind}.${state}.json`);

async function read(paths: LibraryPaths, kind: BackupKind, state: "pending" | "verified"): Promise<BackupCoverage | null> {
  try {
    return JSON.parse(await fsp.readFile(file(paths, kind, state), "utf8")) as BackupCoverage;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function write(paths: LibraryPaths, coverage: BackupCoverage, state: "pending" | "verified"): Promise<void> {
  await writeDerivedFile(file(paths, coverage.kind, state), Buffer.from(JSON.stringify(coverage)), paths.tmp);
}

/** After a backup: its originals, not yet counted until a verification that starts later passes. */
export async function recordBackedUp(paths: LibraryPaths, coverage: Omit<BackupCoverage, "verifiedAt">): Promise<void> {
  await write(paths, { ...coverage, verifiedAt: null }, "pending");
}

/** After a passed verification that started at `startedAt`: the newest snapshot taken before it counts as verified. */
export async function recordVerified(paths: LibraryPaths, kind: BackupKind, startedAt: Date): Promise<void> {
  const pending = await read(paths, kind, "pending");
  const candidate = pending && new Date(pending.takenAt) <= startedAt ? pending : await read(paths, kind, "verified");
  if (candidate) await write(paths, { ...candidate, verifiedAt: startedAt.toISOString() }, "verified");
}

/** The verified snapshot of a target (null until one backup was followed by a passed verification). */
export function readVerifiedCoverage(paths: LibraryPaths, kind: BackupKind): Promise<BackupCoverage | null> {
  return read(paths, kind, "verified");
}
