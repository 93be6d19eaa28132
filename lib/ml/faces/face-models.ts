// The face pipelines the worker can run, with the operating points each was calibrated at.
import { MIN_CLUSTER_SCORE } from "./is-clusterable-face";
import { MATCH_THRESHOLD } from "./match-person";

/**
 * A pipeline's identity (stored with each face: embeddings of different pipelines are never
 * compared) and its clustering operating points: the mean cosine a face needs with a person's
 * faces to join them, and the detector score below which a face is kept but not clustered.
 */
export type FaceModel = { id: string; label: string; matchThreshold: number; minClusterScore: number };

/** The owner's YuNet + MobileFaceNet files (data/models/faces); thresholds in match-person.ts / is-clusterable-face.ts. */
export const YUNET_MODEL: FaceModel = { id: "yunet-mobilefacenet", label: "YuNet + MobileFaceNet", matchThreshold: MATCH_THRESHOLD, minClusterScore: MIN_CLUSTER_SCORE };

/**
 * face-api's SSD MobileNet v1 + dlib ResNet descriptor, converted from the npm package. Both
 * values come from `npm run bench:faces`, which prints the distributions they sit between.
 */
export const FACE_API_MODEL: FaceModel = { id: "face-api-ssd-dlib", label: "face-api SSD MobileNet v1 + dlib ResNet", matchThreshold: 0.91, minClusterScore: 0.8 };
