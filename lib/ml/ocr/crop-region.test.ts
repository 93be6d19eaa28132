import { describe, expect, it } from "vitest";
import { cropRegion } from "./crop-region";
import type { RgbImage } from "./ocr-types";

// A 40×20 image: left half red, right half blue.
function halves(): RgbImage {
  const data = new Uint8Array(40 * 20 * 3);
  for (let y = 0; y < 20; y++) for (let x = 0; x < 40; x++) data.set(x < 20 ? [255, 0, 0] : [0, 0, 255], (y * 40 + x) * 3);
  return { data, width: 40, height: 20 };
}

// [B, G, R] of one output pixel.
const pixel = (out: Float32Array, size: { height: number; padWidth: number }, row: number, col: number) =>
  [0, 1, 2].map((c) => out[c * size.height * size.padWidth + row * size.padWidth + col]!);

describe("cropRegion", () => {
  const region = { cx: 19.5, cy: 9.5, ux: 1, uy: 0, length: 40, thickness: 20 };

  it("writes BGR planes scaled to -1..1 and zero padding", () => {
    const size = { height: 8, width: 16, padWidth: 20 };
    const out = cropRegion(halves(), region, size);
    expect(pixel(out, size, 4, 1)).toEqual([-1, -1, 1]);
    expect(pixel(out, size, 4, 14)).toEqual([1, -1, -1]);
    expect(pixel(out, size, 4, 18)).toEqual([0, 0, 0]);
  });

  it("turns the crop when the reading direction points left", () => {
    const size = { height: 8, width: 16, padWidth: 16 };
    const out = cropRegion(halves(), { ...region, ux: -1 }, size);
    expect(pixel(out, size, 4, 1)).toEqual([1, -1, -1]);
    expect(pixel(out, size, 4, 14)).toEqual([-1, -1, 1]);
  });
});
