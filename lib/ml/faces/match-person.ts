// Incremental face clustering: which existing person a newly seen face belongs to, if any.

/**
 * Mean cosine similarity a face must reach with a person's faces to join them. Chosen from the
 * fixture photos (see match-person.test.ts, which prints both distributions): same-person pairs
 * 0.60–0.79, different-person pairs −0.23–0.22 (the bystander included), so 0.40 sits about 0.2
 * from both sides. A mean of pairwise similarities stays within their range, so the pairwise
 * separation carries over to the mean rule.
 */
export const MATCH_THRESHOLD = 0.4;

/**
 * A person as clustering sees them: the sum of their faces' embeddings and how many there are.
 * The mean cosine of a face with the person's faces is dot(face, sum) / count, so matching costs
 * one dot product per person, not one per face of the library.
 */
export type PersonFaces = { id: string; sum: Float64Array; count: number };

/** A person made of these faces (none: a person that cannot be matched yet). */
export function personOf(id: string, embeddings: Float32Array[] = []): PersonFaces {
  const person = { id, sum: new Float64Array(embeddings[0]?.length ?? 0), count: 0 };
  for (const embedding of embeddings) addFace(person, embedding);
  return person;
}

/** Counts one more face as this person's. */
export function addFace(person: PersonFaces, embedding: Float32Array): void {
  if (person.count === 0 && person.sum.length !== embedding.length) person.sum = new Float64Array(embedding.length);
  if (person.sum.length !== embedding.length) throw new Error(`Embedding lengths differ: ${embedding.length} vs ${person.sum.length}`);
  for (let i = 0; i < embedding.length; i++) person.sum[i]! += embedding[i]!;
  person.count += 1;
}

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
    if (person.count === 0) continue;
    const similarity = dot(embedding, person.sum) / person.count;
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { personId: person.id, similarity };
  }
  return best;
}

function dot(a: Float32Array, b: Float64Array): number {
  if (a.length !== b.length) throw new Error(`Embedding lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
