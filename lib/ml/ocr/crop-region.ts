// Cuts a rotated text region out of an image as a normalised recogniser/classifier input.
import type { RgbImage, TextRegion } from "./ocr-types";

export type CropSize = { height: number; width: number; padWidth: number };

// PaddleOCR feeds BGR; each plane is scaled to -1..1.
const BGR = [2, 1, 0];
const MAX_SUPERSAMPLE = 4;

/**
 * Samples `region` of `image` upright (reading direction to the right) into a [3, height, padWidth]
 * float tensor: BGR planes, values (v / 255 − 0.5) / 0.5, the crop stretched into the first `width`
 * columns and zeros after. Bicubic, averaging up to 4×4 samples per pixel when shrinking so small
 * print does not alias; points outside the image take the nearest edge pixel.
 */
export function cropRegion(image: RgbImage, region: TextRegion, size: CropSize): Float32Array {
  const { height, width, padWidth } = size;
  const out = new Float32Array(3 * height * padWidth);
  const plane = height * padWidth;
  const stepU = region.length / width;
  const stepV = region.thickness / height;
  const n = Math.min(MAX_SUPERSAMPLE, Math.max(1, Math.ceil(Math.max(stepU, stepV))));
  const [nx, ny] = [-region.uy, region.ux];
  // Top-left corner of the region; coordinates put pixel i's centre at i.
  const ox = region.cx - (region.ux * region.length) / 2 - (nx * region.thickness) / 2;
  const oy = region.cy - (region.uy * region.length) / 2 - (ny * region.thickness) / 2;
  const rgb = [0, 0, 0];
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      let r = 0, g = 0, b = 0;
      for (let sv = 0; sv < n; sv++) {
        const v = (row + (sv + 0.5) / n) * stepV;
        for (let su = 0; su < n; su++) {
          const u = (col + (su + 0.5) / n) * stepU;
          bicubic(image, ox + u * region.ux + v * nx, oy + u * region.uy + v * ny, rgb);
          r += rgb[0]!;
          g += rgb[1]!;
          b += rgb[2]!;
        }
      }
      const k = 1 / (n * n * 127.5);
      const at = row * padWidth + col;
      const values = [r * k - 1, g * k - 1, b * k - 1];
      for (let c = 0; c < 3; c++) out[c * plane + at] = values[BGR[c]!]!;
    }
  }
  return out;
}

/** Catmull-Rom bicubic sample (as sharp's "cubic"): sharper strokes than bilinear, which helps the recogniser see word gaps. */
function bicubic(image: RgbImage, x: number, y: number, into: number[]): void {
  const { data, width, height } = image;
  const cx = Math.min(width - 1, Math.max(0, x));
  const cy = Math.min(height - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const wx = weights(cx - x0);
  const wy = weights(cy - y0);
  into[0] = into[1] = into[2] = 0;
  for (let j = 0; j < 4; j++) {
    const row = Math.min(height - 1, Math.max(0, y0 + j - 1)) * width;
    for (let i = 0; i < 4; i++) {
      const at = (row + Math.min(width - 1, Math.max(0, x0 + i - 1))) * 3;
      const w = wx[i]! * wy[j]!;
      into[0] += data[at]! * w;
      into[1] += data[at + 1]! * w;
      into[2] += data[at + 2]! * w;
    }
  }
  for (let c = 0; c < 3; c++) into[c] = Math.min(255, Math.max(0, into[c]!));
}

function weights(t: number): [number, number, number, number] {
  const t2 = t * t;
  const t3 = t2 * t;
  return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2];
}
