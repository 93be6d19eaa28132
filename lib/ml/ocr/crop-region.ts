// Cuts a rotated text region out of an image as a normalised recogniser/classifier input.
import type { RgbImage, TextRegion } from "./ocr-types";

export type CropSize = { height: number; width: number; padWidth: number };

// PaddleOCR feeds BGR; each plane is scaled to -1..1.
const BGR = [2, 1, 0];
const MAX_SUPERSAMPLE = 4;

/**
 * Samples `region` of `image` upright (reading direction to the right) into a [3, height, padWidth]
 * float tensor: BGR planes, values (v / 255 − 0.5) / 0.5, the crop stretched into the first `width`
 * columns and zeros after. Bilinear, averaging up to 4×4 samples per pixel when shrinking so small
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
          bilinear(image, ox + u * region.ux + v * nx, oy + u * region.uy + v * ny, rgb);
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

function bilinear(image: RgbImage, x: number, y: number, into: number[]): void {
  const { data, width, height } = image;
  const cx = Math.min(width - 1, Math.max(0, x));
  const cy = Math.min(height - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const i00 = (y0 * width + x0) * 3, i01 = (y0 * width + x1) * 3, i10 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
  for (let c = 0; c < 3; c++) {
    const top = data[i00 + c]! + (data[i01 + c]! - data[i00 + c]!) * fx;
    const bottom = data[i10 + c]! + (data[i11 + c]! - data[i10 + c]!) * fx;
    into[c] = top + (bottom - top) * fy;
  }
}
