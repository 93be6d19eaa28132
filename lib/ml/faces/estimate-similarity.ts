// Least-squares 2-D similarity transform (rotation, uniform scale, translation; no reflection).
import type { Point } from "./face-types";

/** [a, b, tx, ty] for the map (x, y) → (a·x − b·y + tx, b·x + a·y + ty). */
export type Similarity = [number, number, number, number];

/**
 * The similarity that best maps `from[i]` onto `to[i]` in the least-squares sense (Umeyama's
 * solution restricted to proper rotations, in its 2-D closed form). Needs ≥ 2 distinct points.
 */
export function estimateSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  const n = from.length;
  if (n < 2 || to.length !== n) throw new Error("estimateSimilarity needs two equally long lists of ≥ 2 points");
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]![0]; fy += from[i]![1]; tx += to[i]![0]; ty += to[i]![1];
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let dot = 0, cross = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i]![0] - fx, py = from[i]![1] - fy;
    const qx = to[i]![0] - tx, qy = to[i]![1] - ty;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new Error("estimateSimilarity: source points coincide");
  const a = dot / norm, b = cross / norm;
  return [a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy)];
}
