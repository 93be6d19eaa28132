import type { AssetSummary } from "@/lib/assets/asset-dto";
import { loadAssetSummaries } from "@/lib/assets/load-asset-summaries";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { allowedAssets } from "./filter-assets";
import { nearestVectors, refreshVectors, vectorOf } from "./vector-index";

/** Photos that look like this one (CLIP neighbours, not trashed), most similar first. */
export async function findSimilar({ db, paths }: { db: Db; paths: LibraryPaths }, assetId: string, limit = 30): Promise<{ items: (AssetSummary & { similarity: number })[] }> {
  if (!(await db.asset.findUnique({ where: { id: assetId }, select: { id: true } }))) throw new AppError("not_found", "No such asset.");
  refreshVectors(paths.database);
  const own = vectorOf(paths.database, assetId);
  if (!own) throw new AppError("not_ready", "This photo cannot be compared by look yet: the box has not analysed it (a CLIP model may be missing; see Settings, Models).");
  const allowed = allowedAssets(paths.database, {});
  const hits = await nearestVectors(paths.database, own.model, own.vector, limit, (id) => id !== assetId && allowed(id));
  const summaries = loadAssetSummaries(paths.database, hits.map((h) => h.assetId));
  return { items: hits.flatMap((h) => { const summary = summaries.get(h.assetId); return summary ? [{ ...summary, similarity: h.score }] : []; }) };
}
