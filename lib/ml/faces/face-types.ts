// Shapes shared by the face adapter (detection, alignment, embedding) and its callers.
import type { FaceModel } from "./face-models";

/** A point in upright image pixels: [x, y]. */
export type Point = [number, number];

/** One face found in a photo, in the photo's upright (EXIF-applied) pixel coordinates. */
export type DetectedFace = {
  box: { x: number; y: number; width: number; height: number };
  /** Detector confidence, 0..1. */
  score: number;
  /** Five landmarks (none when the detector gives none), image-left eye, image-right eye, nose tip, image-left and image-right mouth corner. */
  landmarks: Point[];
  /** 128-d identity embedding, unit length; compare with a dot product (cosine similarity). */
  embedding: Float32Array;
};

/** Face detection + embedding over loaded models; create once, reuse, close when done. */
export type FaceAnalyzer = {
  /** Which pipeline this is, with its clustering operating points. */
  readonly model: FaceModel;
  analyze(image: Buffer): Promise<{ width: number; height: number; faces: DetectedFace[] }>;
  close(): Promise<void>;
};

/** An upright RGB image as packed 8-bit pixels (3 bytes per pixel, rows top to bottom). */
export type RgbImage = { data: Uint8Array; width: number; height: number };

/** The face model files expected in the configured face model folder. */
export const DETECTOR_FILE = "face_detection_yunet_2023mar.onnx";
export const EMBEDDER_FILE = "mobilefacenet.onnx";
