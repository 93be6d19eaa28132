import { describe, expect, it } from "vitest";
import { suppressOverlaps } from "./suppress-overlaps";

const box = (x: number, y: number, size: number, score: number, id: string) => ({ box: { x, y, width: size, height: size }, score, id });

describe("suppressOverlaps", () => {
  it("keeps the best of overlapping boxes and every separate one, best first", () => {
    const items = [
      box(0, 0, 10, 0.7, "a-weaker"),
      box(1, 1, 10, 0.9, "a"), // IoU with a-weaker = 81/119 ≈ 0.68
      box(50, 50, 10, 0.8, "b"),
      box(5, 0, 10, 0.95, "c"), // IoU with a = 45/155 ≈ 0.29: kept at 0.4
    ];
    expect(suppressOverlaps(items, 0.4).map((i) => i.id)).toEqual(["c", "a", "b"]);
    expect(suppressOverlaps(items, 0.2).map((i) => i.id)).toEqual(["c", "b"]);
    expect(items[0]!.id).toBe("a-weaker"); // input untouched
  });

  it("handles empty input and empty boxes", () => {
    expect(suppressOverlaps([], 0.4)).toEqual([]);
    expect(suppressOverlaps([box(0, 0, 0, 0.5, "x"), box(0, 0, 0, 0.6, "y")], 0.4)).toHaveLength(2);
  });
});
