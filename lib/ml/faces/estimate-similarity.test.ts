import { describe, expect, it } from "vitest";
import { estimateSimilarity, type Similarity } from "./estimate-similarity";
import type { Point } from "./face-types";

const apply = ([a, b, tx, ty]: Similarity, [x, y]: Point): Point => [a * x - b * y + tx, b * x + a * y + ty];
const points: Point[] = [[38, 51], [73, 51], [56, 71], [41, 92], [70, 92]];

describe("estimateSimilarity", () => {
  it("recovers an exact rotation + scale + shift", () => {
    const angle = 0.4, scale = 2.5;
    const truth: Similarity = [scale * Math.cos(angle), scale * Math.sin(angle), 120, -35];
    const found = estimateSimilarity(points, points.map((p) => apply(truth, p)));
    found.forEach((v, i) => expect(v).toBeCloseTo(truth[i]!, 9));
  });

  it("is the least-squares fit under noise: perturbing it only raises the error", () => {
    const noisy = points.map(([x, y], i): Point => [2 * x + 10 + (i % 2 ? 1.5 : -1), 2 * y - 4 + (i % 3) - 1]);
    const fit = estimateSimilarity(points, noisy);
    const error = (t: Similarity) => points.reduce((s, p, i) => s + Math.hypot(apply(t, p)[0] - noisy[i]![0], apply(t, p)[1] - noisy[i]![1]) ** 2, 0);
    for (let k = 0; k < 4; k++) {
      for (const d of [-1e-3, 1e-3]) {
        const moved = [...fit] as Similarity;
        moved[k]! += d;
        expect(error(moved)).toBeGreaterThan(error(fit));
      }
    }
  });

  it("never reflects: a mirrored set gets a proper rotation, not a flip", () => {
    const [a, b] = estimateSimilarity(points, points.map(([x, y]): Point => [-x, y]));
    expect(a * a + b * b).toBeLessThan(1); // a flip would need determinant −1; the best rotation is a poor, shrunken fit
  });

  it("refuses degenerate input", () => {
    expect(() => estimateSimilarity([[1, 1]], [[2, 2]])).toThrow(/≥ 2 points/);
    expect(() => estimateSimilarity([[1, 1], [1, 1]], [[0, 0], [1, 1]])).toThrow(/coincide/);
  });
});
