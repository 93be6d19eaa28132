import { readConnection } from "@/lib/server/db";
import { refreshVectors, similarNeighbours } from "./vector-index";

/** Cosine above which two photos are the same picture (retakes, bursts, edits, re-encodings). */
export const NEAR_DUPLICATE_COSINE = 0.95;
/** How many photos before and after in capture order a photo is compared with. */
const WINDOW = 25;

/**
 * Groups of near-duplicate photos (not trashed) for a review screen: photos close in capture time
 * whose CLIP embeddings are nearly identical, joined transitively (union-find); largest groups
 * first, each in capture order. Exact byte duplicates never reach here: ingest stores them once.
 */
export function findNearDuplicates(databasePath: string, threshold = NEAR_DUPLICATE_COSINE): { groups: { assetIds: string[]; minSimilarity: number }[] } {
  refreshVectors(databasePath);
  const ids = readConnection(databasePath).prepare(`SELECT "id" FROM "Asset" WHERE "trashedAt" IS NULL AND "kind" = 'photo' ORDER BY "capturedAt", "id"`).pluck().all() as string[];
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const weakest = new Map<string, number>();
  for (const [a, b, similarity] of similarNeighbours(databasePath, ids, WINDOW, threshold)) {
    const [ra, rb] = [root(a), root(b)];
    const min = Math.min(similarity, weakest.get(ra) ?? 1, weakest.get(rb) ?? 1);
    parent.set(rb, ra);
    parent.set(ra, ra);
    weakest.set(ra, min);
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) if (parent.has(id)) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return {
    groups: [...groups.entries()].map(([r, assetIds]) => ({ assetIds, minSimilarity: weakest.get(r)! })).sort((a, b) => b.assetIds.length - a.assetIds.length),
  };
}
