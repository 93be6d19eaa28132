// Runs the PP-OCRv4 DB text detector over an upright image.
import * as ort from "onnxruntime-node";
import sharp from "sharp";
import { findTextRegions, type ScoredRegion } from "./find-text-regions";
import type { RgbImage } from "./ocr-types";

const MAX_SIDE = 960;
const STRIDE = 32;
// ImageNet statistics in the order PaddleOCR feeds channels (its images are BGR).
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
const BGR = [2, 1, 0];

/**
 * Finds text regions in `image`: resizes it so the long side is at most 960 px and both sides are
 * multiples of 32, runs the detector `session` and post-processes its probability map (threshold
 * 0.3, mean box score ≥ 0.6, unclip 1.5). Regions come back in `image` pixels.
 */
export async function detectText(session: ort.InferenceSession, image: RgbImage): Promise<ScoredRegion[]> {
  const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
  const width = Math.max(STRIDE, Math.round((image.width * scale) / STRIDE) * STRIDE);
  const height = Math.max(STRIDE, Math.round((image.height * scale) / STRIDE) * STRIDE);
  const resized = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer();
  const plane = width * height;
  const input = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const source = BGR[c]!;
    const mean = MEAN[c]! * 255;
    const inv = 1 / (STD[c]! * 255);
    for (let i = 0; i < plane; i++) input[c * plane + i] = (resized[i * 3 + source]! - mean) * inv;
  }
  const feeds = { [session.inputNames[0]!]: new ort.Tensor("float32", input, [1, 3, height, width]) };
  const output = (await session.run(feeds))[session.outputNames[0]!]!;
  const regions = findTextRegions(output.data as Float32Array, width, height, { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, maxRegions: 1000 });
  return regions.map((region) => toImagePixels(region, image.width / width, image.height / height));
}

/** Maps a region from map pixels to image pixels (the two axes may scale slightly differently). */
function toImagePixels(region: ScoredRegion, sx: number, sy: number): ScoredRegion {
  const ax = region.ux * region.length * sx;
  const ay = region.uy * region.length * sy;
  const length = Math.hypot(ax, ay);
  const ux = ax / length;
  const uy = ay / length;
  // The scaled cross vector, measured across the new reading direction.
  const bx = -region.uy * region.thickness * sx;
  const by = region.ux * region.thickness * sy;
  const thickness = Math.abs(-uy * bx + ux * by);
  return { cx: (region.cx + 0.5) * sx - 0.5, cy: (region.cy + 0.5) * sy - 0.5, ux, uy, length, thickness, score: region.score };
}
