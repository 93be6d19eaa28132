// Runs MobileFaceNet on an aligned 112×112 face crop.
import type { InferenceSession } from "onnxruntime-node";
import { Tensor } from "onnxruntime-node";
import type { RgbImage } from "./face-types";

/**
 * The unit-length embedding of an aligned crop (see alignFace): input [1,3,112,112] RGB planes
 * normalised as (x − 127.5) / 128, output L2-normalised.
 */
export async function embedFace(session: InferenceSession, crop: RgbImage): Promise<Float32Array> {
  const plane = crop.width * crop.height;
  const input = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) input[c * plane + p] = (crop.data[p * 3 + c]! - 127.5) / 128;
  }
  const outputs = await session.run({ [session.inputNames[0]!]: new Tensor("float32", input, [1, 3, crop.height, crop.width]) });
  const raw = outputs[session.outputNames[0]!]!.data as Float32Array;
  let norm = 0;
  for (const v of raw) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(raw, (v) => v / norm);
}
