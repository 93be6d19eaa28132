// Face adapter: loads YuNet + MobileFaceNet once and analyses photos with them.
import fs from "node:fs";
import path from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { alignFace } from "./align-face";
import { decodeUpright } from "./decode-upright";
import { detectFaces } from "./detect-faces";
import { embedFace } from "./embed-face";
import { YUNET_MODEL } from "./face-models";
import { DETECTOR_FILE, EMBEDDER_FILE, type DetectedFace, type FaceAnalyzer, type Point } from "./face-types";

/** YuNet's usual operating point (OpenCV Zoo defaults). */
export const DETECTION_SCORE_THRESHOLD = 0.6;
export const DETECTION_NMS_IOU = 0.4;

/**
 * Loads the two face models from `modelDir` (DETECTOR_FILE, EMBEDDER_FILE) into sessions that are
 * reused for every call (`threads` intra-op threads each, default 1). `analyze` decodes a photo
 * (EXIF orientation applied), finds faces and embeds each aligned face; coordinates are in the
 * upright photo's pixels. An undecodable buffer rejects with an Error saying so; no faces → [].
 */
export async function createFaceAnalyzer(options: { modelDir: string; threads?: number }): Promise<FaceAnalyzer> {
  const sessionOptions: InferenceSession.SessionOptions = {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
    // Both models are small and each run's tensors are small too (≤ 640 px input): without the
    // arena they come from malloc and go back, ~30 MiB less resident at the same speed.
    enableCpuMemArena: false,
  };
  const load = (file: string) => {
    const full = path.join(options.modelDir, file);
    if (!fs.existsSync(full)) throw new Error(`Face model missing: ${full}`);
    return InferenceSession.create(full, sessionOptions);
  };
  const detector = await load(DETECTOR_FILE);
  const embedder = await load(EMBEDDER_FILE).catch(async (error: unknown) => {
    await detector.release();
    throw error;
  });

  return {
    model: YUNET_MODEL,
    async analyze(image) {
      const { width, height, working } = await decodeUpright(image);
      const candidates = await detectFaces(detector, working, {
        scoreThreshold: DETECTION_SCORE_THRESHOLD,
        nmsIou: DETECTION_NMS_IOU,
      });
      const back = width / working.width;
      const faces: DetectedFace[] = [];
      for (const candidate of candidates) {
        const embedding = await embedFace(embedder, alignFace(working, candidate.landmarks));
        const { x, y, width: w, height: h } = candidate.box;
        const x0 = clamp(x * back, 0, width), y0 = clamp(y * back, 0, height);
        faces.push({
          box: { x: x0, y: y0, width: clamp((x + w) * back, 0, width) - x0, height: clamp((y + h) * back, 0, height) - y0 },
          score: candidate.score,
          landmarks: candidate.landmarks.map(([lx, ly]): Point => [lx * back, ly * back]),
          embedding,
        });
      }
      return { width, height, faces };
    },
    async close() {
      await Promise.all([detector.release(), embedder.release()]);
    },
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
