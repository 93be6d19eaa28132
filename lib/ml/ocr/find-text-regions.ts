// DB post-processing: text-probability map → scored, expanded text regions.
import { minAreaRect, type RotatedRect } from "./min-area-rect";
import type { TextRegion } from "./ocr-types";

export type RegionOptions = {
  /** Pixels with probability above this are text. */
  threshold: number;
  /** Regions whose mean probability is below this are dropped. */
  boxThreshold: number;
  /** Expansion of the shrunk DB kernel: offset = area · ratio / perimeter. */
  unclipRatio: number;
  /** Most regions kept (largest components first when over). */
  maxRegions: number;
};

export type ScoredRegion = TextRegion & { score: number };

const MIN_SIDE = 3;
// A region this much taller than wide is read as vertical text (as PaddleOCR does).
const VERTICAL_RATIO = 1.5;

/**
 * Finds the text regions of a `width`×`height` DB probability map: 8-connected components above
 * `threshold`, each fitted with a minimum-area rectangle, scored by its mean probability, expanded
 * by the unclip offset and oriented for reading. Coordinates are in map pixels.
 */
export function findTextRegions(prob: ArrayLike<number>, width: number, height: number, options: RegionOptions): ScoredRegion[] {
  const size = width * height;
  const on = new Uint8Array(size);
  for (let i = 0; i < size; i++) on[i] = prob[i]! > options.threshold ? 1 : 0;
  const stack = new Int32Array(size);
  const components: { score: number; rect: RotatedRect; pixels: number }[] = [];
  for (let seed = 0; seed < size; seed++) {
    if (on[seed] !== 1) continue;
    on[seed] = 2;
    stack[0] = seed;
    let top = 1;
    let sum = 0;
    let pixels = 0;
    const xs: number[] = [];
    const ys: number[] = [];
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      sum += prob[p]!;
      pixels++;
      // Only pixels on a left or right edge of the component can be hull vertices.
      if (x === 0 || on[p - 1] === 0 || x === width - 1 || on[p + 1] === 0) {
        xs.push(x);
        ys.push(y);
      }
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (on[q] === 1) {
            on[q] = 2;
            stack[top++] = q;
          }
        }
      }
    }
    const rect = minAreaRect(xs, ys);
    if (Math.min(rect.along, rect.across) < MIN_SIDE) continue;
    const score = sum / pixels;
    if (score < options.boxThreshold) continue;
    components.push({ score, rect, pixels });
  }
  components.sort((a, b) => b.pixels - a.pixels);
  const regions: ScoredRegion[] = [];
  for (const { score, rect } of components.slice(0, options.maxRegions)) {
    const region = orientForReading(unclip(rect, options.unclipRatio));
    if (Math.min(region.length, region.thickness) < MIN_SIDE + 2) continue;
    regions.push({ ...region, score });
  }
  return regions;
}

/** Grows the rectangle on every side by area · ratio / perimeter (the DB "unclip"). */
function unclip(rect: RotatedRect, ratio: number): RotatedRect {
  const offset = (rect.along * rect.across * ratio) / (2 * (rect.along + rect.across));
  return { ...rect, along: rect.along + 2 * offset, across: rect.across + 2 * offset };
}

/**
 * Picks the reading direction: the rectangle axis nearer horizontal, pointing right; when the region
 * is much taller than wide along it, the other axis, pointing down (text read top to bottom).
 */
function orientForReading(rect: RotatedRect): TextRegion {
  const { cx, cy } = rect;
  let [ux, uy, length, thickness] = Math.abs(rect.ax) >= Math.abs(rect.ay)
    ? [rect.ax, rect.ay, rect.along, rect.across]
    : [-rect.ay, rect.ax, rect.across, rect.along];
  if (ux < 0) [ux, uy] = [-ux, -uy];
  if (thickness >= VERTICAL_RATIO * length) {
    [ux, uy, length, thickness] = [-uy, ux, thickness, length];
    if (uy < 0) [ux, uy] = [-ux, -uy];
  }
  return { cx, cy, ux, uy, length, thickness };
}
