// Runs the PP-OCRv4 CTC recogniser over detected text regions.
import * as ort from "onnxruntime-node";
import { cropRegion } from "./crop-region";
import { decodeCtc } from "./decode-ctc";
import type { RgbImage, TextRegion } from "./ocr-types";

const HEIGHT = 48;
// PaddleOCR pads every line to at least 320 px (a 48×320 input); the model was tuned that way.
const MIN_WIDTH = 320;
// Caps one line's input (≈ 100 characters) so a runaway region cannot blow up memory.
const MAX_WIDTH = 48 * 64;

/**
 * Reads the text of one `region` of `image` with the recogniser `session`: the region is cropped
 * upright to 48 px high (width in proportion, padded to ≥ 320) and CTC-decoded with `charset`
 * (the dictionary lines then a space; class 0 is the CTC blank).
 */
export async function recognizeText(session: ort.InferenceSession, charset: readonly string[], image: RgbImage, region: TextRegion): Promise<{ text: string; score: number }> {
  const width = Math.min(MAX_WIDTH, Math.max(1, Math.round((HEIGHT * region.length) / region.thickness)));
  const padWidth = Math.max(MIN_WIDTH, width);
  const input = cropRegion(image, region, { height: HEIGHT, width, padWidth });
  const feeds = { [session.inputNames[0]!]: new ort.Tensor("float32", input, [1, 3, HEIGHT, padWidth]) };
  const output = (await session.run(feeds))[session.outputNames[0]!]!;
  const [, steps, classes] = output.dims as number[];
  return decodeCtc(output.data as Float32Array, steps!, classes!, charset);
}
