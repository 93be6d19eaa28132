import { describe, expect, it } from "vitest";
import { findTextRegions } from "./find-text-regions";

const options = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, maxRegions: 10 };

function map(width: number, height: number, blocks: { x0: number; y0: number; x1: number; y1: number; p: number }[]) {
  const prob = new Float32Array(width * height);
  for (const { x0, y0, x1, y1, p } of blocks) for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) prob[y * width + x] = p;
  return prob;
}

describe("findTextRegions", () => {
  it("turns each confident blob into an expanded, left-to-right region", () => {
    const prob = map(100, 60, [{ x0: 10, y0: 10, x1: 49, y1: 19, p: 0.9 }, { x0: 10, y0: 40, x1: 29, y1: 45, p: 0.8 }]);
    const regions = findTextRegions(prob, 100, 60, options);
    expect(regions).toHaveLength(2);
    const [wide] = regions;
    expect(wide!.score).toBeCloseTo(0.9, 5);
    expect([wide!.cx, wide!.cy, wide!.ux, wide!.uy]).toEqual([29.5, 14.5, 1, 0]);
    // 39×9 kernel, unclip offset 39·9·1.5 / (2·48) ≈ 5.48 on each side.
    const offset = (39 * 9 * 1.5) / (2 * 48);
    expect(wide!.length).toBeCloseTo(39 + 2 * offset, 5);
    expect(wide!.thickness).toBeCloseTo(9 + 2 * offset, 5);
  });

  it("drops faint blobs, specks and anything under the threshold", () => {
    const prob = map(80, 40, [
      { x0: 5, y0: 5, x1: 40, y1: 12, p: 0.5 }, // mean below the box threshold
      { x0: 60, y0: 5, x1: 61, y1: 6, p: 0.99 }, // speck
      { x0: 5, y0: 25, x1: 40, y1: 32, p: 0.2 }, // below the pixel threshold
    ]);
    expect(findTextRegions(prob, 80, 40, options)).toEqual([]);
  });

  it("reads a tall narrow blob as vertical text, top to bottom", () => {
    const [region] = findTextRegions(map(40, 100, [{ x0: 15, y0: 10, x1: 24, y1: 89, p: 0.9 }]), 40, 100, options);
    expect([region!.ux, region!.uy]).toEqual([0, 1]);
    expect(region!.length).toBeGreaterThan(region!.thickness);
  });
});
