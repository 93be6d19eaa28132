// Tells upside-down text lines apart with the PP-OCR direction classifier (0° vs 180°).
import * as ort from "onnxruntime-node";
import { cropRegion } from "./crop-region";
import type { RgbImage, TextRegion } from "./ocr-types";

const HEIGHT = 48;
const WIDTH = 192;
// PaddleOCR's cls_thresh: flip only when the classifier is this sure.
const MIN_CONFIDENCE = 0.9;

/**
 * Whether `region` of `image`, cropped as oriented, reads upside down: the direction classifier
 * `session` sees a 48×192 crop (width in proportion, padded) and must give "180°" at least 0.9.
 */
export async function classifyUpsideDown(session: ort.InferenceSession, image: RgbImage, region: TextRegion): Promise<boolean> {
  const width = Math.min(WIDTH, Math.max(1, Math.round((HEIGHT * region.length) / region.thickness)));
  const input = cropRegion(image, region, { height: HEIGHT, width, padWidth: WIDTH });
  const feeds = { [session.inputNames[0]!]: new ort.Tensor("float32", input, [1, 3, HEIGHT, WIDTH]) };
  const output = (await session.run(feeds))[session.outputNames[0]!]!;
  const [upright, flipped] = output.data as Float32Array;
  return flipped! > upright! && flipped! >= MIN_CONFIDENCE;
}
