// Face adapter over the face-api models (SSD MobileNet v1 detector + dlib ResNet descriptor) on onnxruntime.
import { InferenceSession, Tensor } from "onnxruntime-node";
import sharp from "sharp";
import { decodeUpright } from "../decode-upright";
import { suppressOverlaps } from "../suppress-overlaps";
import type { DetectedFace, FaceAnalyzer, RgbImage } from "../face-types";
import { FACE_API_MODEL } from "../face-models";
import { DESCRIPTOR_INPUT_SIZE, DESCRIPTOR_MEAN_RGB } from "./build-descriptor-graph";
import { SSD_INPUT_SIZE } from "./build-ssd-graph";
import { decodeSsd } from "./decode-ssd";
import { ensureFaceApiModels } from "./face-api-models";

/** face-api's own defaults for this detector: score 0.5, NMS IoU 0.5. */
export const SSD_SCORE_THRESHOLD = 0.5;
export const SSD_NMS_IOU = 0.5;
/**
 * Side of the second look's window, in face sizes. The SSD also calls some animal faces (a cat,
 * dogs) faces when they fill much of the photo; seen again at a standard scale, centred in a grey
 * square 2.5 faces wide, human faces score higher (0.88–1.00 on the fixtures) and those animals
 * are not found at all (bench:faces prints both).
 */
export const SECOND_LOOK_SCALE = 2.5;
/**
 * The descriptor's crop: a square 0.9 × the box's long side, centred 0.1 box heights below the
 * box centre (the SSD box reaches above the brow), padded black where it leaves the photo. Chosen
 * over the plain box padded to a square by the same-/different-person gap on the faces fixtures
 * (bench:faces prints the distributions).
 */
const DESCRIPTOR_CROP = { scale: 0.9, shiftDown: 0.1 };

type Box = { x: number; y: number; width: number; height: number };

/**
 * Converts (first use) and loads the face-api models cached under `cacheDir` into sessions reused
 * for every call (`threads` intra-op threads each, default 1). `analyze` decodes a photo (EXIF
 * applied), finds candidate faces with the SSD (letterboxed top-left into 512×512, as face-api
 * does), keeps those the SSD finds again in a second look (SECOND_LOOK_SCALE; its box and score
 * are the face's), and describes each (DESCRIPTOR_CROP, 150×150). Descriptors are L2-normalised
 * so clustering compares them by cosine like any other model's. Faces carry no landmarks.
 * Undecodable input rejects with an Error saying so; no faces → [].
 */
export async function createFaceApiAnalyzer(options: { cacheDir: string; threads?: number }): Promise<FaceAnalyzer> {
  const files = ensureFaceApiModels(options.cacheDir);
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  };
  const detector = await InferenceSession.create(files.detector, sessionOptions);
  const descriptor = await InferenceSession.create(files.descriptor, sessionOptions).catch(async (error: unknown) => {
    await detector.release();
    throw error;
  });

  /** Faces the SSD finds in `image`, in its pixels. */
  const detect = async (image: RgbImage): Promise<{ box: Box; score: number }[]> => {
    const { input, scale } = await letterbox(image);
    const out = await detector.run({ input: new Tensor("float32", input, [1, 3, SSD_INPUT_SIZE, SSD_INPUT_SIZE]) });
    const found = decodeSsd(
      { boxEncodings: out.box_encodings!.data as Float32Array, classLogits: out.class_logits!.data as Float32Array, anchors: out.anchors!.data as Float32Array },
      { scoreThreshold: SSD_SCORE_THRESHOLD, nmsIou: SSD_NMS_IOU },
    );
    const k = SSD_INPUT_SIZE / scale;
    return found.map(({ box, score }) => ({ score, box: { x: box.x * k, y: box.y * k, width: Math.min(image.width / k - box.x, box.width) * k, height: Math.min(image.height / k - box.y, box.height) * k } }));
  };

  /** The candidate seen again in a window around it: the best detection covering the window's centre, in `image` pixels. */
  const secondLook = async (image: RgbImage, candidate: { box: Box }) => {
    const side = Math.round(SECOND_LOOK_SCALE * Math.max(candidate.box.width, candidate.box.height));
    const left = Math.round(candidate.box.x + candidate.box.width / 2 - side / 2), top = Math.round(candidate.box.y + candidate.box.height / 2 - side / 2);
    const found = (await detect(cutSquare(image, left, top, side, 128))).filter(({ box }) => box.x < side / 2 && box.x + box.width > side / 2 && box.y < side / 2 && box.y + box.height > side / 2);
    const best = found.sort((a, b) => b.score - a.score)[0];
    if (!best) return null;
    const x = Math.max(0, best.box.x + left), y = Math.max(0, best.box.y + top);
    return { score: best.score, box: { x, y, width: Math.min(image.width, best.box.x + left + best.box.width) - x, height: Math.min(image.height, best.box.y + top + best.box.height) - y } };
  };

  return {
    model: FACE_API_MODEL,
    async analyze(image) {
      const { width, height, working } = await decodeUpright(image);
      const seen: { box: Box; score: number }[] = [];
      for (const candidate of await detect(working)) {
        const again = await secondLook(working, candidate);
        if (again && again.box.width >= 1 && again.box.height >= 1) seen.push(again);
      }
      const back = width / working.width;
      const faces: DetectedFace[] = [];
      for (const { box, score } of suppressOverlaps(seen, SSD_NMS_IOU)) {
        const embedding = await describe(descriptor, working, box);
        faces.push({ box: { x: box.x * back, y: box.y * back, width: box.width * back, height: box.height * back }, score, landmarks: [], embedding });
      }
      return { width, height, faces };
    },
    async close() {
      await Promise.all([detector.release(), descriptor.release()]);
    },
  };
}

/** The image scaled so its long side is SSD_INPUT_SIZE, top-left in a square padded with black, as x / 127.5 − 1 planes. */
async function letterbox(image: RgbImage): Promise<{ input: Float32Array; scale: number }> {
  const size = SSD_INPUT_SIZE;
  const scale = Math.min(size / image.width, size / image.height);
  const width = Math.min(size, Math.max(1, Math.round(image.width * scale)));
  const height = Math.min(size, Math.max(1, Math.round(image.height * scale)));
  const resized = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).resize(width, height, { fit: "fill" }).raw().toBuffer();
  const plane = size * size;
  const input = new Float32Array(3 * plane).fill(-1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3, o = y * size + x;
      for (let c = 0; c < 3; c++) input[c * plane + o] = resized[i + c]! / 127.5 - 1;
    }
  }
  return { input, scale };
}

/** The side×side square of `image` whose top-left corner is (left, top), `fill` grey where it leaves the image. */
export function cutSquare(image: RgbImage, left: number, top: number, side: number, fill: number): RgbImage {
  const out = new Uint8Array(side * side * 3).fill(fill);
  const x0 = Math.max(0, left), x1 = Math.min(image.width, left + side);
  for (let y = Math.max(0, top); y < Math.min(image.height, top + side); y++) {
    if (x1 > x0) out.set(image.data.subarray((y * image.width + x0) * 3, (y * image.width + x1) * 3), ((y - top) * side + (x0 - left)) * 3);
  }
  return { data: out, width: side, height: side };
}

/** The unit-length descriptor of the face in `box` (pixels of `image`), cut as DESCRIPTOR_CROP says. */
async function describe(session: InferenceSession, image: RgbImage, box: Box): Promise<Float32Array> {
  const size = DESCRIPTOR_INPUT_SIZE;
  const side = Math.max(1, Math.round(DESCRIPTOR_CROP.scale * Math.max(box.width, box.height)));
  const left = Math.round(box.x + box.width / 2 - side / 2), top = Math.round(box.y + box.height * (0.5 + DESCRIPTOR_CROP.shiftDown) - side / 2);
  const square = cutSquare(image, left, top, side, 0);
  const crop = await sharp(square.data, { raw: { width: side, height: side, channels: 3 } }).resize(size, size, { fit: "fill" }).raw().toBuffer();
  const plane = size * size;
  const input = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) input[c * plane + p] = (crop[p * 3 + c]! - DESCRIPTOR_MEAN_RGB[c]!) / 255;
  }
  const raw = (await session.run({ input: new Tensor("float32", input, [1, 3, size, size]) })).descriptor!.data as Float32Array;
  const norm = Math.hypot(...raw) || 1;
  return Float32Array.from(raw, (v) => v / norm);
}
