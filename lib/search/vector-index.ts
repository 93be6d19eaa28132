import { createDotProductSession } from "@/lib/ml/dot-product-session";
import { fromBytes } from "@/lib/ml/vector-bytes";
import type { Db } from "@/lib/server/db";

/** All embeddings of one model as one contiguous matrix (row i = ids[i]). */
type ModelVectors = { dim: number; ids: string[]; rowOf: Map<string, number>; matrix: Float32Array };
export type VectorHit = { assetId: string; score: number };

type State = { lastSeq: number; models: Map<string, ModelVectors>; rowModel: Map<string, string> };

// One in-memory copy per database (the server has one; tests open several).
const states = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  let state = states.get(db);
  if (!state) states.set(db, (state = { lastSeq: 0, models: new Map(), rowModel: new Map() }));
  return state;
}
let scorer: ReturnType<typeof createDotProductSession> | undefined;
const LOAD_BATCH = 5000;

/**
 * Loads embeddings written since the last call (rows carry a growing seq), so the server follows
 * the worker without reloading everything. 100k × 512-d vectors take 200 MB as float32.
 */
export async function refreshVectors(db: Db): Promise<void> {
  const state = stateOf(db);
  for (;;) {
    const rows = await db.embedding.findMany({ where: { seq: { gt: state.lastSeq } }, orderBy: { seq: "asc" }, take: LOAD_BATCH });
    for (const row of rows) add(state, row.assetId, row.model, fromBytes(row.vector));
    if (rows.length > 0) state.lastSeq = rows.at(-1)!.seq;
    if (rows.length < LOAD_BATCH) return;
  }
}

function add(state: State, assetId: string, model: string, vector: Float32Array): void {
  const previous = state.rowModel.get(assetId);
  if (previous && previous !== model) state.models.get(previous)!.rowOf.delete(assetId);
  let vectors = state.models.get(model);
  if (!vectors) state.models.set(model, (vectors = { dim: vector.length, ids: [], rowOf: new Map(), matrix: new Float32Array(vector.length * 1024) }));
  if (vector.length !== vectors.dim) return;
  let row = vectors.rowOf.get(assetId);
  if (row === undefined) {
    row = vectors.ids.length;
    if ((row + 1) * vectors.dim > vectors.matrix.length) {
      const grown = new Float32Array(vectors.matrix.length * 2);
      grown.set(vectors.matrix);
      vectors.matrix = grown;
    }
    vectors.ids.push(assetId);
    vectors.rowOf.set(assetId, row);
  }
  vectors.matrix.set(vector, row * vectors.dim);
  state.rowModel.set(assetId, model);
}

/** The stored embedding of an asset (for "similar photos"), if any. */
export function vectorOf(db: Db, assetId: string): { model: string; vector: Float32Array } | null {
  const state = stateOf(db);
  const model = state.rowModel.get(assetId);
  const vectors = model ? state.models.get(model) : undefined;
  const row = vectors?.rowOf.get(assetId);
  if (!model || !vectors || row === undefined) return null;
  return { model, vector: vectors.matrix.slice(row * vectors.dim, (row + 1) * vectors.dim) };
}

/**
 * The `limit` best cosine matches of a unit query vector among the embeddings of `model`, best
 * first: an exact scan (one MatMul over the whole matrix), then top-k among allowed assets.
 */
export async function nearestVectors(db: Db, model: string, query: Float32Array, limit: number, allow?: (assetId: string) => boolean): Promise<VectorHit[]> {
  const vectors = stateOf(db).models.get(model);
  if (!vectors || vectors.dim !== query.length) return [];
  scorer ??= createDotProductSession();
  const scores = await (await scorer)(vectors.matrix, vectors.ids.length, vectors.dim, query);
  return topK(scores, limit, (row) => vectors.rowOf.get(vectors.ids[row]!) === row && (!allow || allow(vectors.ids[row]!))).map(({ row, score }) => ({
    assetId: vectors.ids[row]!,
    score,
  }));
}

/** The k highest scores among accepted rows (a min-heap of size k), best first. */
export function topK(scores: Float32Array, k: number, accept: (row: number) => boolean): { row: number; score: number }[] {
  const heap: { row: number; score: number }[] = [];
  const sink = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l]!.score < heap[m]!.score) m = l;
      if (r < heap.length && heap[r]!.score < heap[m]!.score) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let row = 0; row < scores.length; row++) {
    const score = scores[row]!;
    if (heap.length === k && score <= heap[0]!.score) continue;
    if (!accept(row)) continue;
    if (heap.length < k) {
      heap.push({ row, score });
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (heap[parent]!.score <= heap[i]!.score) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    } else {
      heap[0] = { row, score };
      sink(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score);
}

/** How many embeddings are loaded (all models). */
export function vectorCount(db: Db): number {
  return stateOf(db).rowModel.size;
}

/**
 * Pairs of assets, each within `window` places of the other in `orderedIds` (capture order:
 * near-duplicates are bursts and retakes), whose embeddings reach `threshold` cosine. Linear in
 * the library size, unlike an all-pairs comparison.
 */
export function similarNeighbours(db: Db, orderedIds: string[], window: number, threshold: number): [string, string, number][] {
  const state = stateOf(db);
  const located = orderedIds.flatMap((id) => {
    const model = state.rowModel.get(id);
    const vectors = model ? state.models.get(model) : undefined;
    const row = vectors?.rowOf.get(id);
    return vectors && row !== undefined ? [{ id, vectors, offset: row * vectors.dim }] : [];
  });
  const pairs: [string, string, number][] = [];
  located.forEach((a, i) => {
    for (const b of located.slice(i + 1, i + 1 + window)) {
      if (a.vectors !== b.vectors) continue;
      let dot = 0;
      for (let k = 0; k < a.vectors.dim; k++) dot += a.vectors.matrix[a.offset + k]! * b.vectors.matrix[b.offset + k]!;
      if (dot >= threshold) pairs.push([a.id, b.id, dot]);
    }
  });
  return pairs;
}
