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
 * clustered. Fixture faces downscaled to a given box width (face-size.test.ts): at 24 px the
 * same-person mean similarity falls to 0.26, below the 0.23 different-person maximum plus margin;
 * at 32 px to 0.46, just above MATCH_THRESHOLD; at 40 px it is ≥ 0.55, as good as full size.
 */
export const MIN_CLUSTER_FACE_SIZE = 40;

/** True when a face is confident and large enough for its embedding to be matched to people. */
export function isClusterableFace(face: Pick<DetectedFace, "box" | "score">): boolean {
  return face.score >= MIN_CLUSTER_SCORE && Math.min(face.box.width, face.box.height) >= MIN_CLUSTER_FACE_SIZE;
}
