import { describe, expect, it } from "vitest";
import { decodeSsd } from "./decode-ssd";

const logit = (p: number) => Math.log(p / (1 - p));

/** Three anchors: two overlapping at the centre, one in the top-left corner. */
const anchors = Float32Array.from([
  0.4, 0.4, 0.6, 0.6,
  0.41, 0.41, 0.61, 0.61,
  0, 0, 0.2, 0.2,
]);

describe("decodeSsd", () => {
  it("decodes anchor offsets (÷10 centre, ÷5 log size) and scores the face class by sigmoid", () => {
    // Anchor 0 moved by half its size right and down (dy = dx = 5 → 0.5 × 0.2) and doubled (dh = dw = 5·ln 2).
    const boxEncodings = Float32Array.from([5, 5, 5 * Math.LN2, 5 * Math.LN2, 0, 0, 0, 0, 0, 0, 0, 0]);
    const classLogits = Float32Array.from([0, logit(0.9), 0, 0, logit(0.1), 0, 0, logit(0.2), 0]);
    const [face, ...rest] = decodeSsd({ boxEncodings, classLogits, anchors }, { scoreThreshold: 0.5, nmsIou: 0.5 });
    expect(rest).toEqual([]);
    expect(face!.score).toBeCloseTo(0.9, 6);
    // Centre (0.6, 0.6), size 0.4 → 0.4..0.8.
    expect(face!.box.x).toBeCloseTo(0.4, 6);
    expect(face!.box.y).toBeCloseTo(0.4, 6);
    expect(face!.box.width).toBeCloseTo(0.4, 6);
    expect(face!.box.height).toBeCloseTo(0.4, 6);
  });

  it("suppresses the weaker of two overlapping boxes, keeps a separate one, clips to the image and caps the count", () => {
    const boxEncodings = new Float32Array(12);
    boxEncodings[8] = -5; // anchor 2's centre moved up-left by half its size, onto the corner: clipped at 0.
    boxEncodings[9] = -5;
    const classLogits = Float32Array.from([0, logit(0.8), 0, 0, logit(0.95), 0, 0, logit(0.7), 0]);
    const kept = decodeSsd({ boxEncodings, classLogits, anchors }, { scoreThreshold: 0.5, nmsIou: 0.5 });
    expect(kept.map((k) => Number(k.score.toFixed(2)))).toEqual([0.95, 0.7]);
    expect(kept[1]!.box).toEqual({ x: 0, y: 0, width: expect.closeTo(0.1, 6), height: expect.closeTo(0.1, 6) });
    expect(decodeSsd({ boxEncodings, classLogits, anchors }, { scoreThreshold: 0.5, nmsIou: 0.5, maxResults: 1 })).toHaveLength(1);
  });
});
