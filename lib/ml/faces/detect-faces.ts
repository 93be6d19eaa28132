// Runs YuNet on an upright RGB image and returns face candidates in that image's pixels.
import type { InferenceSession } from "onnxruntime-node";
import { Tensor } from "onnxruntime-node";
import sharp from "sharp";
import { decodeYunet, YUNET_INPUT_SIZE, type FaceCandidate } from "./decode-yunet";
import type { RgbImage } from "./face-types";

/**
 * Letterboxes `image` into YuNet's 640×640 BGR 0..255 input (scaled to fit, top-left, zero
 * padding), runs `session` and decodes the result (score threshold, NMS) back into `image` pixels.
 */
export async function detectFaces(
  session: InferenceSession,
  image: RgbImage,
  options: { scoreThreshold: number; nmsIou: number },
): Promise<FaceCandidate[]> {
  const size = YUNET_INPUT_SIZE;
  const scale = Math.min(size / image.width, size / image.height);
  const width = Math.min(size, Math.max(1, Math.round(image.width * scale)));
  const height = Math.min(size, Math.max(1, Math.round(image.height * scale)));
  const resized = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: "fill" })
    .raw()
    .toBuffer();
  const plane = size * size;
  const input = new Float32Array(3 * plane);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const o = y * size + x;
      input[o] = resized[i + 2]!;
      input[plane + o] = resized[i + 1]!;
      input[2 * plane + o] = resized[i]!;
    }
  }
  const outputs = await session.run({ input: new Tensor("float32", input, [1, 3, size, size]) });
  return decodeYunet(outputs as Record<string, { data: Float32Array }>, { scale, ...options });
}
