// Cuts the 112×112 ArcFace-aligned crop of a face out of an upright RGB image.
import { estimateSimilarity } from "./estimate-similarity";
import type { Point, RgbImage } from "./face-types";

/** The standard ArcFace 5-point template for a 112×112 crop (eyes, nose tip, mouth corners). */
export const ARCFACE_TEMPLATE: readonly Point[] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];
export const ALIGNED_SIZE = 112;

/**
 * Maps the 5 landmarks onto ARCFACE_TEMPLATE with a least-squares similarity and resamples the
 * image through its inverse (pixel centres at integer coordinates, like OpenCV's warpAffine;
 * black outside the image). When the face is larger than the crop each output pixel averages a
 * k×k grid of bilinear samples so the downscale does not alias.
 */
export function alignFace(image: RgbImage, landmarks: readonly Point[]): RgbImage {
  const [a, b, tx, ty] = estimateSimilarity(landmarks, ARCFACE_TEMPLATE);
  // Inverse of [a −b; b a]·p + t: p = (1/(a²+b²))·[a b; −b a]·(q − t).
  const s2 = a * a + b * b;
  const ia = a / s2, ib = b / s2;
  const k = Math.max(1, Math.min(8, Math.ceil(1 / Math.sqrt(s2))));
  const size = ALIGNED_SIZE;
  const out = new Uint8Array(size * size * 3);
  const acc = [0, 0, 0];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      acc[0] = acc[1] = acc[2] = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          const qx = x + (sx + 0.5) / k - 0.5 - tx;
          const qy = y + (sy + 0.5) / k - 0.5 - ty;
          sampleBilinear(image, ia * qx + ib * qy, -ib * qx + ia * qy, acc);
        }
      }
      const o = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(acc[c]! / (k * k));
    }
  }
  return { data: out, width: size, height: size };
}

/** Adds the bilinear sample at (x, y) to acc; pixels outside the image count as black. */
function sampleBilinear(image: RgbImage, x: number, y: number, acc: number[]): void {
  const { data, width, height } = image;
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  for (let dy = 0; dy < 2; dy++) {
    const yy = y0 + dy;
    if (yy < 0 || yy >= height) continue;
    const wy = dy ? fy : 1 - fy;
    for (let dx = 0; dx < 2; dx++) {
      const xx = x0 + dx;
      if (xx < 0 || xx >= width) continue;
      const w = wy * (dx ? fx : 1 - fx);
      const i = (yy * width + xx) * 3;
      acc[0]! += w * data[i]!;
      acc[1]! += w * data[i + 1]!;
      acc[2]! += w * data[i + 2]!;
    }
  }
}
