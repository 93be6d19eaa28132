/** One ranked list to fuse: entries with their 1-based ranks in the whole list (a list may be given in part), and the list's weight. */
export type Ranking = { name: string; entries: { id: string; rank: number }[]; weight: number };

/** RRF's k: 60 is the value of Cormack et al. and what Elasticsearch and Vespa default to. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list adds weight / (k + rank) to the items it ranks. It needs no
 * score calibration — BM25 scores are unbounded and CLIP cosines sit in a narrow 0.2–0.35 band,
 * so adding raw scores would let one side drown the other. Ties go to the earlier list (text
 * evidence is listed first: a word that is really there beats a resemblance).
 */
export function fuseRankings(rankings: Ranking[]): { id: string; score: number; ranks: Record<string, number> }[] {
  const fused = new Map<string, { id: string; score: number; ranks: Record<string, number>; first: number }>();
  rankings.forEach((ranking, listIndex) => {
    for (const { id, rank } of ranking.entries) {
      const entry = fused.get(id) ?? { id, score: 0, ranks: {}, first: listIndex };
      entry.score += ranking.weight / (RRF_K + rank);
      entry.ranks[ranking.name] = rank;
      entry.first = Math.min(entry.first, listIndex);
      fused.set(id, entry);
    }
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}
