// Greedy non-maximum suppression over scored boxes.

type Scored = { box: { x: number; y: number; width: number; height: number }; score: number };

/** Intersection over union of two boxes; 0 when either is empty. */
export function iou(a: Scored["box"], b: Scored["box"]): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Keeps the highest-scoring items and drops every item overlapping a kept one by more than
 * `maxIou`. Returns a new array sorted by score, best first; the input is not modified.
 */
export function suppressOverlaps<T extends Scored>(items: readonly T[], maxIou: number): T[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const item of sorted) {
    if (kept.every((k) => iou(k.box, item.box) <= maxIou)) kept.push(item);
  }
  return kept;
}
