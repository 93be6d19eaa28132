import { producerOf } from "@/lib/assets/open-derivative";
import { enqueueJob } from "@/lib/jobs/queue";
import type { Db } from "@/lib/server/db";
import { originalPath, resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { statRegularFile } from "@/lib/server/stat-regular-file";

export type ScanResult = { checked: number; missing: string[]; reappeared: number; derivativesRequeued: number };

/**
 * Missing-file scan: an original gone from disk is flagged `fileState = missing` (never deleted,
 * so a restore can bring it back); one that came back is `ok` again. A derived file gone from disk
 * loses its row and its job runs again.
 */
export async function scanFiles(db: Db, paths: LibraryPaths): Promise<ScanResult> {
  const result: ScanResult = { checked: 0, missing: [], reappeared: 0, derivativesRequeued: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.asset.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, sha256: true, ext: true, kind: true, fileState: true, derivatives: { select: { kind: true, relPath: true } } },
    });
    if (batch.length === 0) return result;
    for (const asset of batch) {
      result.checked += 1;
      const present = (await statRegularFile(originalPath(paths, asset.sha256, asset.ext), paths.originals)) !== null;
      if (!present && asset.fileState !== "missing") {
        await db.asset.update({ where: { id: asset.id }, data: { fileState: "missing" } });
      } else if (present && asset.fileState === "missing") {
        await db.asset.update({ where: { id: asset.id }, data: { fileState: "ok" } });
        result.reappeared += 1;
      }
      if (!present) result.missing.push(asset.id);
      for (const derivative of asset.derivatives) {
        if ((await statRegularFile(resolveUnder(paths.derived, derivative.relPath), paths.derived)) !== null) continue;
        await db.derivative.delete({ where: { assetId_kind: { assetId: asset.id, kind: derivative.kind } } });
        const producer = producerOf(asset.kind, derivative.kind);
        if (producer && present) await enqueueJob(db, { kind: producer, assetId: asset.id });
        result.derivativesRequeued += 1;
      }
    }
    cursor = batch.at(-1)!.id;
  }
}
