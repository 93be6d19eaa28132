import fs from "node:fs/promises";
import path from "node:path";
import type { IngestDeps } from "@/lib/assets/ingest-asset";
import { purgedInJournal } from "@/lib/journal/purged-hashes";
import { entriesAtDepth } from "@/lib/server/entries-at-depth";
import { derivedDir } from "@/lib/server/paths";
import { adoptOriginal } from "./adopt-original";
import { ORIGINAL_NAME } from "./custody-paths";
import { removePath } from "./remove-path";

const SHA_DIR = /^[0-9a-f]{64}$/;

export type AdoptOrphansResult = {
  /** Files in `originals/` without a row that were looked at. */
  orphans: number;
  adopted: { sha256: string; assetId: string }[];
  quarantined: { name: string; reason: string }[];
  /** Adoption failed on an I/O fault: left in place, tried again next time. */
  failed: { file: string; reason: string }[];
  /** Derived folders of no row and no original, removed (re-creatable). */
  derivedRemoved: number;
};

/**
 * Walks `originals/` and adopts every file no row references (adoptOriginal); then removes
 * derived folders whose original is neither listed nor on disk. `minAgeMs` leaves alone files and
 * folders changed more recently (a running ingest links its original a moment before its row
 * commits); start-up and `npm run rebuild` pass 0.
 */
export async function adoptOrphans(deps: IngestDeps, options: { minAgeMs?: number; now?: Date } = {}): Promise<AdoptOrphansResult> {
  const { db, paths } = deps;
  const cutoff = (options.now ?? new Date()).getTime() - (options.minAgeMs ?? 0);
  const oldEnough = async (file: string) => (options.minAgeMs ?? 0) <= 0 || ((await fs.stat(file).catch(() => null))?.ctimeMs ?? Infinity) < cutoff;
  const rows = await db.asset.findMany({ select: { sha256: true, ext: true } });
  const known = new Set(rows.map((a) => `${a.sha256}.${a.ext}`));
  const result: AdoptOrphansResult = { orphans: 0, adopted: [], quarantined: [], failed: [], derivedRemoved: 0 };
  let purged: Set<string> | undefined;
  for (const file of await entriesAtDepth(paths.originals, 3)) {
    if (known.has(path.basename(file)) || !(await oldEnough(file))) continue;
    // Bytes the owner purged (the journal says so) are not listed again; left where they are.
    if ((purged ??= purgedInJournal(paths.database)).has(ORIGINAL_NAME.exec(path.basename(file))?.[1] ?? "")) continue;
    result.orphans += 1;
    // One file's trouble (say, the quarantine move failing on an I/O error) must not stop the rest, nor start-up.
    const outcome = await adoptOriginal(deps, file).catch((error: unknown) => ({ status: "failed" as const, reason: (error as Error).message }));
    if (outcome.status === "adopted") result.adopted.push({ sha256: outcome.sha256, assetId: outcome.assetId });
    else if (outcome.status === "quarantined") result.quarantined.push({ name: outcome.name, reason: outcome.reason });
    else if (outcome.status === "failed") result.failed.push({ file, reason: outcome.reason });
  }
  const listed = new Set((await db.asset.findMany({ select: { sha256: true } })).map((a) => a.sha256));
  const onDisk = new Set((await entriesAtDepth(paths.originals, 3)).map((file) => ORIGINAL_NAME.exec(path.basename(file))?.[1]));
  for (const dir of await entriesAtDepth(paths.derived, 3, true)) {
    const sha = path.basename(dir);
    if (!SHA_DIR.test(sha) || listed.has(sha) || onDisk.has(sha) || dir !== derivedDir(paths, sha) || !(await oldEnough(dir))) continue;
    await removePath(paths, "derived", dir);
    result.derivedRemoved += 1;
  }
  return result;
}
