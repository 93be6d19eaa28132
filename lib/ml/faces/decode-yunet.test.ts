import { describe, expect, it } from "vitest";
import { decodeYunet } from "./decode-yunet";

/** Zeroed outputs for all strides, with one anchor cell of one stride set. */
function outputs(stride: number, cell: number, values: { cls: number; obj: number; bbox: number[]; kps: number[] }) {
  const result: Record<string, { data: Float32Array }> = {};
  for (const s of [8, 16, 32]) {
    const n = (640 / s) ** 2;
    result[`cls_${s}`] = { data: new Float32Array(n) };
    result[`obj_${s}`] = { data: new Float32Array(n) };
    result[`bbox_${s}`] = { data: new Float32Array(n * 4) };
    result[`kps_${s}`] = { data: new Float32Array(n * 10) };
  }
  result[`cls_${stride}`]!.data[cell] = values.cls;
  result[`obj_${stride}`]!.data[cell] = values.obj;
  result[`bbox_${stride}`]!.data.set(values.bbox, cell * 4);
  result[`kps_${stride}`]!.data.set(values.kps, cell * 10);
  return result;
}

describe("decodeYunet", () => {
  it("decodes one anchor: sqrt(cls·obj) score, cell-relative centre, exp size, landmarks, scaled back", () => {
    // Stride 16 → 40 columns; cell 83 = row 2, column 3.
    const out = outputs(16, 83, { cls: 0.81, obj: 1.2, bbox: [0.5, 0.25, Math.log(4), Math.log(5)], kps: [0, 0, 1, 0, 0.5, 0.5, 0, 1, 1, 1] });
    const [face, ...rest] = decodeYunet(out, { scale: 0.5, scoreThreshold: 0.6, nmsIou: 0.4 });
    expect(rest).toEqual([]);
    expect(face!.score).toBeCloseTo(0.9, 6); // obj clamped to 1
    // Model space: centre (3.5·16, 2.25·16) = (56, 36), size 64×80 → box (24, −4, 64, 80); ÷ 0.5.
    const { x, y, width, height } = face!.box;
    [x, y, width, height].forEach((v, i) => expect(v).toBeCloseTo([48, -8, 128, 160][i]!, 4)); // float32 log/exp
    expect(face!.landmarks).toEqual([[96, 64], [128, 64], [112, 80], [96, 96], [128, 96]]);
  });

  it("drops anchors under the threshold and fails loudly on missing outputs", () => {
    const out = outputs(8, 0, { cls: 0.3, obj: 0.9, bbox: [0, 0, 0, 0], kps: [] });
    expect(decodeYunet(out, { scale: 1, scoreThreshold: 0.6, nmsIou: 0.4 })).toEqual([]);
    delete out.kps_32;
    expect(() => decodeYunet(out, { scale: 1, scoreThreshold: 0.6, nmsIou: 0.4 })).toThrow(/stride 32/);
  });
});
