// Which detected faces are good enough to be grouped into people.
import type { DetectedFace } from "./face-types";

/**
 * Detector score below which a face is kept but not clustered. On the fixtures every real face
 * scores 0.92–0.95 while the two detections on a painting behind Biden score 0.61 and 0.70
 * (above the detector's 0.6), so 0.8 separates them.
 */
export const MIN_CLUSTER_SCORE = 0.8;

/**
 * Shorter box side, in pixels of the analysed image, below which a face is kept but not
 * clustered. The fixture photos shrunk until the face is that small (is-clusterable-face.test.ts)
 * give a lowest mean same-person similarity of 0.30 at 24 px (different people reach 0.21: no
 * margin), 0.47 at 32 px (just above MATCH_THRESHOLD) and 0.59 at 40 px (full size: 0.60), with
 * different people ≤ 0.25 throughout; so 40 px.
 */
export const MIN_CLUSTER_FACE_SIZE = 40;

/** True when a face is confident (score ≥ `minScore`, default MIN_CLUSTER_SCORE) and large enough for its embedding to be matched to people. */
export function isClusterableFace(face: Pick<DetectedFace, "box" | "score">, minScore = MIN_CLUSTER_SCORE): boolean {
  return face.score >= minScore && Math.min(face.box.width, face.box.height) >= MIN_CLUSTER_FACE_SIZE;
}
