import type { Config } from "@/lib/config";
import type { LibraryPaths } from "@/lib/server/paths";
import { readVerifiedCoverage } from "./backup-coverage";
import { backupTargets, isOffDisk } from "./backup-targets";

/** Originals (SHA-256) held by a verified backup that survives the loss of the library's disk. */
export type OffDiskCoverage = { covered: Set<string>; verifiedAt: string | null; targets: string[] };

/**
 * Which originals are safe off this disk: the union of the verified snapshots of the configured
 * targets that are on another filesystem or machine now (an own-format folder on another st_dev, a
 * restic repository), each re-read in full after it was taken. `targets` lists the off-disk ones.
 */
export async function readOffDiskCoverage(deps: { paths: LibraryPaths; config: Config }): Promise<OffDiskCoverage> {
  const covered = new Set<string>();
  let verifiedAt: string | null = null;
  const targets: string[] = [];
  for (const target of backupTargets(deps.paths, deps.config)) {
    if (!isOffDisk(target.offDisk)) continue;
    targets.push(target.label);
    const coverage = await readVerifiedCoverage(deps.paths, target.kind);
    if (!coverage?.verifiedAt || coverage.target !== target.label) continue;
    for (const hash of coverage.hashes) covered.add(hash);
    if (!verifiedAt || coverage.verifiedAt > verifiedAt) verifiedAt = coverage.verifiedAt;
  }
  return { covered, verifiedAt, targets };
}
