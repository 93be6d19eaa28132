import { describe, expect, it } from "vitest";
import { decodeCtc } from "./decode-ctc";

const charset = ["a", "b", " "];
// One row per time step over [blank, a, b, space]: the winning class gets `p`, the rest share what is left.
const rows = (steps: [number, number][]) => steps.flatMap(([k, p]) => [0, 1, 2, 3].map((c) => (c === k ? p : (1 - p) / 3)));

describe("decodeCtc", () => {
  it("merges repeats, drops blanks and keeps letters split by a blank", () => {
    const steps: [number, number][] = [[1, 0.9], [1, 0.8], [0, 0.9], [1, 0.7], [3, 0.9], [2, 0.6], [2, 0.9]];
    const { text, score } = decodeCtc(rows(steps), steps.length, 4, charset);
    expect(text).toBe("aa b");
    expect(score).toBeCloseTo((0.9 + 0.7 + 0.9 + 0.6) / 4, 6);
  });

  it("returns empty text and score 0 for all blanks", () => {
    expect(decodeCtc(rows([[0, 0.99], [0, 0.99]]), 2, 4, charset)).toEqual({ text: "", score: 0 });
  });
});
