// Incremental face clustering: which existing person a newly seen face belongs to, if any.

/**
 * Mean cosine similarity a face must reach with a person's faces to join them. Chosen from the
 * fixture photos (see match-person.test.ts, which prints both distributions): same-person pairs
 * 0.60–0.79, different-person pairs −0.23–0.22 (the bystander included), so 0.40 sits about 0.2
 * from both sides. A mean of pairwise similarities stays within their range, so the pairwise
 * separation carries over to the mean rule.
 */
export const MATCH_THRESHOLD = 0.4;

export type PersonFaces = { id: string; embeddings: Float32Array[] };

/**
 * The person whose faces are most similar on average to `embedding` (unit-length 128-d vectors;
 * mean cosine, which resists chaining better than the nearest single face), if that mean reaches
 * `threshold` (default MATCH_THRESHOLD); null means the face starts a new person. People without
 * faces are skipped; ties go to the earlier person.
 */
export function matchPerson(
  embedding: Float32Array,
  people: readonly PersonFaces[],
  options: { threshold?: number } = {},
): { personId: string; similarity: number } | null {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  let best: { personId: string; similarity: number } | null = null;
  for (const person of people) {
    if (person.embeddings.length === 0) continue;
    let sum = 0;
    for (const member of person.embeddings) sum += dot(embedding, member);
    const similarity = sum / person.embeddings.length;
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { personId: person.id, similarity };
  }
  return best;
}

function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`Embedding lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
