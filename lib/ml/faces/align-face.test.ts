import { describe, expect, it } from "vitest";
import { ALIGNED_SIZE, alignFace, ARCFACE_TEMPLATE } from "./align-face";
import type { Point, RgbImage } from "./face-types";

/** A 256×256 image whose red channel is x and green channel is y, so every sample says where it came from. */
function coordinateImage(): RgbImage {
  const data = new Uint8Array(256 * 256 * 3);
  for (let y = 0; y < 256; y++) for (let x = 0; x < 256; x++) data.set([x, y, 0], (y * 256 + x) * 3);
  return { data, width: 256, height: 256 };
}

/** Places the template in the image with a known similarity (crop → image). */
const place = (scale: number, angle: number, tx: number, ty: number) => ([x, y]: Point): Point => [
  scale * (Math.cos(angle) * x - Math.sin(angle) * y) + tx,
  scale * (Math.sin(angle) * x + Math.cos(angle) * y) + ty,
];

describe("alignFace", () => {
  for (const [name, scale, angle, tx, ty] of [
    ["downscaled, rotated", 1.8, 0.3, 110, 10],
    ["upscaled, rotated the other way", 0.7, -0.5, 60, 120],
    ["identity", 1, 0, 0, 0],
  ] as const) {
    it(`samples each crop pixel from where the landmarks say (${name})`, () => {
      const toImage = place(scale, angle, tx, ty);
      const crop = alignFace(coordinateImage(), ARCFACE_TEMPLATE.map(toImage));
      expect([crop.width, crop.height]).toEqual([ALIGNED_SIZE, ALIGNED_SIZE]);
      let worst = 0;
      for (let y = 0; y < ALIGNED_SIZE; y++) {
        for (let x = 0; x < ALIGNED_SIZE; x++) {
          const [sx, sy] = toImage([x, y]);
          if (sx < 1 || sy < 1 || sx > 254 || sy > 254) continue;
          const i = (y * ALIGNED_SIZE + x) * 3;
          worst = Math.max(worst, Math.abs(crop.data[i]! - sx), Math.abs(crop.data[i + 1]! - sy));
        }
      }
      expect(worst).toBeLessThanOrEqual(0.51); // rounding to 8 bits only
    });
  }

  it("fills what lies outside the image with black", () => {
    const crop = alignFace(coordinateImage(), ARCFACE_TEMPLATE.map(place(1, 0, -60, -60)));
    expect([...crop.data.subarray(0, 3)]).toEqual([0, 0, 0]); // crop (0,0) ← image (−60,−60)
    const i = (100 * ALIGNED_SIZE + 100) * 3; // crop (100,100) ← image (40,40)
    expect([...crop.data.subarray(i, i + 3)]).toEqual([40, 40, 0]);
  });
});
