// Turns YuNet 2023mar raw outputs into face candidates (boxes, landmarks, scores).
import type { Point } from "./face-types";
import { suppressOverlaps } from "./suppress-overlaps";

export const YUNET_INPUT_SIZE = 640;
const STRIDES = [8, 16, 32] as const;

export type FaceCandidate = {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  landmarks: Point[];
};

export type YunetOutputs = Record<string, { data: ArrayLike<number> }>;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Decodes the per-stride `cls_/obj_/bbox_/kps_` outputs of a [1,3,640,640] YuNet run (as OpenCV's
 * FaceDetectorYN does: score = sqrt(cls·obj), centre/size offsets per anchor cell, exp sizes), keeps
 * scores ≥ `scoreThreshold`, applies NMS at `nmsIou`, and divides coordinates by `scale` (model
 * pixels per image pixel) so they land in the image the letterbox was made from (top-left aligned).
 */
export function decodeYunet(
  outputs: YunetOutputs,
  options: { scale: number; scoreThreshold: number; nmsIou: number },
): FaceCandidate[] {
  const { scale, scoreThreshold, nmsIou } = options;
  const found: FaceCandidate[] = [];
  for (const stride of STRIDES) {
    const cols = YUNET_INPUT_SIZE / stride;
    const cls = outputs[`cls_${stride}`]?.data;
    const obj = outputs[`obj_${stride}`]?.data;
    const bbox = outputs[`bbox_${stride}`]?.data;
    const kps = outputs[`kps_${stride}`]?.data;
    if (!cls || !obj || !bbox || !kps) throw new Error(`YuNet output for stride ${stride} is missing`);
    for (let i = 0; i < cls.length; i++) {
      const score = Math.sqrt(clamp01(cls[i]!) * clamp01(obj[i]!));
      if (score < scoreThreshold) continue;
      const col = i % cols;
      const row = Math.floor(i / cols);
      const cx = (col + bbox[i * 4]!) * stride;
      const cy = (row + bbox[i * 4 + 1]!) * stride;
      const w = Math.exp(bbox[i * 4 + 2]!) * stride;
      const h = Math.exp(bbox[i * 4 + 3]!) * stride;
      const landmarks: Point[] = [];
      for (let n = 0; n < 5; n++) {
        landmarks.push([((kps[i * 10 + 2 * n]! + col) * stride) / scale, ((kps[i * 10 + 2 * n + 1]! + row) * stride) / scale]);
      }
      found.push({ box: { x: (cx - w / 2) / scale, y: (cy - h / 2) / scale, width: w / scale, height: h / scale }, score, landmarks });
    }
  }
  return suppressOverlaps(found, nmsIou);
}
