// Face adapter over the face-api models (SSD MobileNet v1 detector, 68-point landmarks, dlib ResNet descriptor) on onnxruntime.
import { InferenceSession, Tensor } from "onnxruntime-node";
import sharp from "sharp";
import { decodeUpright } from "../decode-upright";
import { suppressOverlaps } from "../suppress-overlaps";
import type { DetectedFace, FaceAnalyzer, Point, RgbImage } from "../face-types";
import { FACE_API_MODEL } from "../face-models";
import { DESCRIPTOR_INPUT_SIZE, DESCRIPTOR_MEAN_RGB } from "./build-descriptor-graph";
import { LANDMARK_INPUT_SIZE } from "./build-landmark-graph";
import { SSD_INPUT_SIZE } from "./build-ssd-graph";
import { decodeSsd } from "./decode-ssd";
import { ensureFaceApiModels } from "./face-api-models";

/** face-api's own defaults for this detector: score 0.5, NMS IoU 0.5. */
const SSD_SCORE_THRESHOLD = 0.5;
const SSD_NMS_IOU = 0.5;
/**
 * Side of the second look's window, in face sizes. The SSD also calls some animal faces (a cat,
 * dogs) faces when they fill much of the photo; seen again at a standard scale, centred in a grey
 * square 2.5 faces wide, human faces score higher (0.88–1.00 on the fixtures) and those animals
 * are not found at all (bench:faces prints both).
 */
const SECOND_LOOK_SCALE = 2.5;
/** face-api's alignment: the landmarks' bounding box grown by this fraction of its size (half on each side). */
const ALIGNED_BOX_PADDING = 0.2;
/** The 68-point landmarks that make the 5 of DetectedFace: eye centres (averaged), nose tip, mouth corners. */
const LEFT_EYE = [36, 37, 38, 39, 40, 41], RIGHT_EYE = [42, 43, 44, 45, 46, 47], NOSE_TIP = 30, MOUTH_LEFT = 48, MOUTH_RIGHT = 54;

type Box = { x: number; y: number; width: number; height: number };

/**
 * Converts (first use) and loads the face-api models cached under `cacheDir` into sessions reused
 * for every call (`threads` intra-op threads each, default 1). `analyze` decodes a photo (EXIF
 * applied), finds candidate faces with the SSD (letterboxed top-left into 512×512, as face-api
 * does), keeps those the SSD finds again in a second look (SECOND_LOOK_SCALE; its box and score
 * are the face's), finds 68 landmarks in each box and describes the face cut as face-api aligns it
 * (the landmarks' box, ALIGNED_BOX_PADDING; each crop padded black to a square, as face-api does).
 * Descriptors are L2-normalised so clustering compares them by cosine like any other model's.
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
  const sessions: InferenceSession[] = [];
  try {
    for (const file of [files.detector, files.landmarks, files.descriptor]) sessions.push(await InferenceSession.create(file, sessionOptions));
  } catch (error) {
    await Promise.all(sessions.map((session) => session.release()));
    throw error;
  }
  const [detector, landmarker, descriptor] = sessions as [InferenceSession, InferenceSession, InferenceSession];

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
        const points = await locateLandmarks(landmarker, working, box);
        const embedding = await describe(descriptor, working, alignedBox(points));
        const mean = (ids: number[]): Point => [ids.reduce((t, i) => t + points[i]![0], 0) / ids.length, ids.reduce((t, i) => t + points[i]![1], 0) / ids.length];
        const five = [mean(LEFT_EYE), mean(RIGHT_EYE), points[NOSE_TIP]!, points[MOUTH_LEFT]!, points[MOUTH_RIGHT]!];
        faces.push({ box: { x: box.x * back, y: box.y * back, width: box.width * back, height: box.height * back }, score, landmarks: five.map(([x, y]): Point => [x * back, y * back]), embedding });
      }
      return { width, height, faces };
    },
    async close() {
      await Promise.all(sessions.map((session) => session.release()));
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
function cutSquare(image: RgbImage, left: number, top: number, side: number, fill: number): RgbImage {
  const out = new Uint8Array(side * side * 3).fill(fill);
  const x0 = Math.max(0, left), x1 = Math.min(image.width, left + side);
  for (let y = Math.max(0, top); y < Math.min(image.height, top + side); y++) {
    if (x1 > x0) out.set(image.data.subarray((y * image.width + x0) * 3, (y * image.width + x1) * 3), ((y - top) * side + (x0 - left)) * 3);
  }
  return { data: out, width: side, height: side };
}

/**
 * `box` of `image` (clipped to it) centred on a black square, as face-api feeds its landmark and
 * descriptor nets, plus where the square's top-left corner lies in `image` pixels.
 */
function boxOnBlackSquare(image: RgbImage, box: Box): { square: RgbImage; left: number; top: number } {
  const x0 = clamp(Math.floor(box.x), 0, image.width - 1), y0 = clamp(Math.floor(box.y), 0, image.height - 1);
  const x1 = clamp(Math.round(box.x + box.width), x0 + 1, image.width), y1 = clamp(Math.round(box.y + box.height), y0 + 1, image.height);
  const w = x1 - x0, h = y1 - y0, side = Math.max(w, h);
  const dx = Math.floor((side - w) / 2), dy = Math.floor((side - h) / 2);
  const data = new Uint8Array(side * side * 3);
  for (let y = 0; y < h; y++) data.set(image.data.subarray(((y0 + y) * image.width + x0) * 3, ((y0 + y) * image.width + x1) * 3), ((dy + y) * side + dx) * 3);
  return { square: { data, width: side, height: side }, left: x0 - dx, top: y0 - dy };
}

/** A square image resized to size×size as (x − DESCRIPTOR_MEAN_RGB) / 255 planes, the input of the landmark and descriptor nets. */
async function netInput(square: RgbImage, size: number): Promise<Tensor> {
  const pixels = await sharp(square.data, { raw: { width: square.width, height: square.height, channels: 3 } }).resize(size, size, { fit: "fill" }).raw().toBuffer();
  const plane = size * size;
  const input = new Float32Array(3 * plane);
  for (let p = 0; p < plane; p++) {
    for (let c = 0; c < 3; c++) input[c * plane + p] = (pixels[p * 3 + c]! - DESCRIPTOR_MEAN_RGB[c]!) / 255;
  }
  return new Tensor("float32", input, [1, 3, size, size]);
}

/** The 68 landmarks of the face in `box`, in `image` pixels. */
async function locateLandmarks(session: InferenceSession, image: RgbImage, box: Box): Promise<Point[]> {
  const { square, left, top } = boxOnBlackSquare(image, box);
  const out = (await session.run({ input: await netInput(square, LANDMARK_INPUT_SIZE) })).landmarks!.data as Float32Array;
  return Array.from({ length: 68 }, (_, i): Point => [left + out[2 * i]! * square.width, top + out[2 * i + 1]! * square.height]);
}

/** face-api's aligned face box: the landmarks' bounding box grown by ALIGNED_BOX_PADDING. */
function alignedBox(points: Point[]): Box {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x = Math.min(...xs), y = Math.min(...ys), width = Math.max(...xs) - x, height = Math.max(...ys) - y;
  return { x: x - (width * ALIGNED_BOX_PADDING) / 2, y: y - (height * ALIGNED_BOX_PADDING) / 2, width: width * (1 + ALIGNED_BOX_PADDING), height: height * (1 + ALIGNED_BOX_PADDING) };
}

/** The unit-length descriptor of the face in `box` (pixels of `image`). */
async function describe(session: InferenceSession, image: RgbImage, box: Box): Promise<Float32Array> {
  const input = await netInput(boxOnBlackSquare(image, box).square, DESCRIPTOR_INPUT_SIZE);
  const raw = (await session.run({ input })).descriptor!.data as Float32Array;
  const norm = Math.hypot(...raw) || 1;
  return Float32Array.from(raw, (v) => v / norm);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
