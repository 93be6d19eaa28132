import { readOffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import { inBatches } from "@/lib/server/in-batches";
import type { LibraryPaths } from "@/lib/server/paths";
import type { SafeToRemove } from "@/lib/folder-backup/safe-to-remove";

/**
 * Which of a phone's files (by SHA-256) it may delete because the box can prove it keeps them: an
 * asset with that SHA-256, not in the trash (trash is purged) and whose original passed the last
 * file check, plus a verified off-disk backup holding it once one exists (see readOffDiskCoverage).
 */
export async function checkSafeToRemove(deps: { db: Db; paths: LibraryPaths; config: Config }, digests: string[]): Promise<SafeToRemove> {
  const wanted = [...new Set(digests.map((d) => d.toLowerCase()))];
  const rows = await inBatches(wanted, (batch) => deps.db.asset.findMany({ where: { sha256: { in: batch }, trashedAt: null, fileState: "ok" }, select: { sha256: true } }));
  const held = rows.flat().map((r) => r.sha256);
  const coverage = await readOffDiskCoverage(deps);
  if (!coverage.verifiedAt) {
    const warning = "No verified backup off the box exists yet: once deleted here, these files exist only on the box. Set up an off-disk backup (Settings → Backups) to be safe.";
    return { mode: "box-only", safe: held, waiting: 0, verifiedAt: null, warning };
  }
  const safe = held.filter((sha) => coverage.covered.has(sha));
  return { mode: "verified-backup", safe, waiting: held.length - safe.length, verifiedAt: coverage.verifiedAt, warning: null };
}
