import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ingestAsset, type IngestDeps } from "@/lib/assets/ingest-asset";
import { AppError } from "@/lib/errors";
import { originalPath } from "@/lib/server/paths";
import { hashFile } from "@/lib/server/storage";
import { ORIGINAL_NAME } from "./custody-paths";
import { quarantineFile } from "./quarantine-file";
import { removePath } from "./remove-path";

export type AdoptResult =
  | { status: "adopted" | "known"; sha256: string; assetId: string }
  | { status: "quarantined"; name: string; reason: string }
  | { status: "failed"; reason: string };

/**
 * Takes a file in `originals/` that has no row back into the library: ingested again from its own
 * bytes through the normal ingest path (source `recovered`, audited), via a hard link in tmp/ so
 * the file itself never moves. Converges: after a crash a re-run finds the row (sha256 is unique)
 * and answers `known`. A file that cannot be adopted (name not `<sha256>.<ext>`, bytes that hash
 * to another name, a type or size ingest refuses) is moved to the quarantine with its reason;
 * an I/O fault leaves it where it is (`failed`, tried again next time). Never deletes it.
 */
export async function adoptOriginal(deps: IngestDeps, file: string): Promise<AdoptResult> {
  const { db, paths } = deps;
  const quarantine = async (reason: string): Promise<AdoptResult> => ({ status: "quarantined", reason, name: await quarantineFile(paths, file, reason) });
  const match = ORIGINAL_NAME.exec(path.basename(file));
  if (!match) return quarantine("the name is not <sha256>.<ext>, so Albums did not store it");
  const sha256 = match[1]!;
  const known = await db.asset.findUnique({ where: { sha256 }, select: { id: true, ext: true } });
  if (known) {
    if (originalPath(paths, sha256, known.ext) === file) return { status: "known", sha256, assetId: known.id };
    return quarantine(`the same bytes are already stored as ${sha256}.${known.ext}`);
  }
  const temp = path.join(paths.tmp, `adopt-${randomUUID()}`);
  try {
    await fs.mkdir(paths.tmp, { recursive: true });
    await fs.link(file, temp);
    const [actual, stat] = await Promise.all([hashFile(temp), fs.stat(temp)]);
    if (actual !== sha256) {
      await removePath(paths, "temp", temp);
      return quarantine(`its bytes hash to ${actual}, not the SHA-256 in its name`);
    }
    // ingestAsset owns the temp link from here (it removes it whatever happens).
    const result = await ingestAsset(deps, { temp: { path: temp, sha256, size: stat.size }, fileName: path.basename(file), source: "recovered", client: "custody" });
    const stored = await db.asset.findUniqueOrThrow({ where: { id: result.assetId }, select: { ext: true } });
    if (originalPath(paths, sha256, stored.ext) !== file) return quarantine(`its type is .${stored.ext}; the bytes are stored again as ${sha256}.${stored.ext}`);
    return { status: "adopted", sha256, assetId: result.assetId };
  } catch (error) {
    await removePath(paths, "temp", temp);
    if (error instanceof AppError && error.status < 500) return quarantine(`ingest refused it: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code || error instanceof AppError) return { status: "failed", reason: (error as Error).message };
    return quarantine(`ingest could not read it: ${(error as Error).message}`);
  }
}
