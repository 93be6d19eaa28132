import { createDotProductSession, MATRIX_OFFSET } from "@/lib/ml/dot-product-session";
import { fromBytes } from "@/lib/ml/vector-bytes";
import { readConnection } from "@/lib/server/db";

/**
 * All embeddings of one model as one contiguous int8 matrix (row i = ids[i]): unit vectors scaled
 * by 127, a quarter of float32's memory (51 MB for 100k × 512) with rankings that differ only
 * among near-ties; cosine = dot / 127². Entries are stored plus MATRIX_OFFSET (the scan's layout).
 */
type ModelVectors = { dim: number; ids: string[]; rowOf: Map<string, number>; matrix: Uint8Array };
const SCALE = 127;

/** A unit-vector component as int8: × 127, rounded, clamped. */
function toInt8(x: number): number {
  const q = Math.round(x * SCALE);
  return q > SCALE ? SCALE : q < -SCALE ? -SCALE : q;
}

function quantize(vector: Float32Array): Int8Array {
  return Int8Array.from(vector, toInt8);
}

function quantizeInto(target: Uint8Array, offset: number, vector: Float32Array): void {
  for (let k = 0; k < vector.length; k++) target[offset + k] = toInt8(vector[k]!) + MATRIX_OFFSET;
}
export type VectorHit = { assetId: string; score: number };

type State = { lastSeq: number; models: Map<string, ModelVectors>; rowModel: Map<string, string> };

// One in-memory copy per database file (the server has one; tests open several); on globalThis,
// so every copy of this module in Next's server bundles (routes, instrumentation) shares it.
const states: Map<string, State> = ((globalThis as unknown as { albumsVectors?: Map<string, State> }).albumsVectors ??= new Map());

function stateOf(databasePath: string): State {
  let state = states.get(databasePath);
  if (!state) states.set(databasePath, (state = { lastSeq: 0, models: new Map(), rowModel: new Map() }));
  return state;
}
let scorer: ReturnType<typeof createDotProductSession> | undefined;

/**
 * Loads embeddings written since the last call (rows carry a growing seq), so the server follows
 * the worker without reloading everything. How many rows each model gets is counted first, so the
 * matrix grows once per refresh (100k × 512 load in one allocation, not by doubling).
 */
export function refreshVectors(databasePath: string): void {
  const state = stateOf(databasePath);
  const db = readConnection(databasePath);
  const incoming = db.prepare(`SELECT "model", count(*) AS "rows" FROM "Embedding" WHERE "seq" > ? GROUP BY "model"`).all(state.lastSeq) as { model: string; rows: number }[];
  if (incoming.length === 0) return;
  const expected = new Map(incoming.map((m) => [m.model, m.rows]));
  const rows = db.prepare(`SELECT "seq", "assetId", "model", "vector" FROM "Embedding" WHERE "seq" > ? ORDER BY "seq"`);
  for (const row of rows.iterate(state.lastSeq) as Iterable<{ seq: number; assetId: string; model: string; vector: Buffer }>) {
    add(state, row.assetId, row.model, floatsOf(row.vector), expected.get(row.model) ?? 1);
    state.lastSeq = row.seq;
  }
}

/** The float32 vector in a row's bytes, read in place when aligned. */
function floatsOf(bytes: Buffer): Float32Array {
  return bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : fromBytes(bytes);
}

function add(state: State, assetId: string, model: string, vector: Float32Array, expectedRows: number): void {
  const previous = state.rowModel.get(assetId);
  if (previous && previous !== model) state.models.get(previous)!.rowOf.delete(assetId);
  let vectors = state.models.get(model);
  if (!vectors) state.models.set(model, (vectors = { dim: vector.length, ids: [], rowOf: new Map(), matrix: new Uint8Array(vector.length * expectedRows) }));
  if (vector.length !== vectors.dim) return;
  let row = vectors.rowOf.get(assetId);
  if (row === undefined) {
    row = vectors.ids.length;
    if ((row + 1) * vectors.dim > vectors.matrix.length) {
      const grown = new Uint8Array(Math.max(row + expectedRows, Math.ceil(row * 1.25)) * vectors.dim);
      grown.set(vectors.matrix);
      vectors.matrix = grown;
    }
    vectors.ids.push(assetId);
    vectors.rowOf.set(assetId, row);
  }
  quantizeInto(vectors.matrix, row * vectors.dim, vector);
  state.rowModel.set(assetId, model);
}

/** The stored embedding of an asset (for "similar photos"), if any. */
export function vectorOf(databasePath: string, assetId: string): { model: string; vector: Float32Array } | null {
  const state = stateOf(databasePath);
  const model = state.rowModel.get(assetId);
  const vectors = model ? state.models.get(model) : undefined;
  const row = vectors?.rowOf.get(assetId);
  if (!model || !vectors || row === undefined) return null;
  return { model, vector: Float32Array.from(vectors.matrix.subarray(row * vectors.dim, (row + 1) * vectors.dim), (x) => (x - MATRIX_OFFSET) / SCALE) };
}

/**
 * The `limit` best cosine matches of a unit query vector among the embeddings of `model`, best
 * first: an exact scan (one MatMul over the whole matrix), then top-k among allowed assets.
 */
export async function nearestVectors(databasePath: string, model: string, query: Float32Array, limit: number, allow?: (assetId: string) => boolean): Promise<VectorHit[]> {
  const vectors = stateOf(databasePath).models.get(model);
  if (!vectors || vectors.dim !== query.length) return [];
  // One thread: on this 2-core box two threads were slower whenever the worker used the other core.
  scorer ??= createDotProductSession(1);
  const scores = await (await scorer)(vectors.matrix, vectors.ids.length, vectors.dim, quantize(query));
  return topK(scores, limit, (row) => vectors.rowOf.get(vectors.ids[row]!) === row && (!allow || allow(vectors.ids[row]!))).map(({ row, score }) => ({
    assetId: vectors.ids[row]!,
    score: score / SCALE ** 2,
  }));
}

/** The k highest scores among accepted rows (a min-heap of size k), best first. */
export function topK(scores: ArrayLike<number>, k: number, accept: (row: number) => boolean): { row: number; score: number }[] {
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
export function vectorCount(databasePath: string): number {
  return stateOf(databasePath).rowModel.size;
}

/** The cosine of two assets' embeddings (same model), or null when either has none. */
export function cosineBetween(databasePath: string, a: string, b: string): number | null {
  const state = stateOf(databasePath);
  const model = state.rowModel.get(a);
  if (!model || state.rowModel.get(b) !== model) return null;
  const vectors = state.models.get(model)!;
  const [ra, rb] = [vectors.rowOf.get(a), vectors.rowOf.get(b)];
  if (ra === undefined || rb === undefined) return null;
  let dot = 0;
  for (let k = 0; k < vectors.dim; k++) dot += (vectors.matrix[ra * vectors.dim + k]! - MATRIX_OFFSET) * (vectors.matrix[rb * vectors.dim + k]! - MATRIX_OFFSET);
  return dot / SCALE ** 2;
}

/**
 * Pairs of assets, each within `window` places of the other in `orderedIds` (capture order:
 * near-duplicates are bursts and retakes), whose embeddings reach `threshold` cosine. Linear in
 * the library size, unlike an all-pairs comparison.
 */
export function similarNeighbours(databasePath: string, orderedIds: string[], window: number, threshold: number): [string, string, number][] {
  const state = stateOf(databasePath);
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
      for (let k = 0; k < a.vectors.dim; k++) dot += (a.vectors.matrix[a.offset + k]! - MATRIX_OFFSET) * (b.vectors.matrix[b.offset + k]! - MATRIX_OFFSET);
      if (dot >= threshold * SCALE ** 2) pairs.push([a.id, b.id, dot / SCALE ** 2]);
    }
  });
  return pairs;
}
