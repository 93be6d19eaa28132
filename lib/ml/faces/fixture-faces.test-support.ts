// Test support only: the shared face fixtures, analysed with the real models and labelled.
import fs from "node:fs";
import path from "node:path";
import { sharedPath } from "@/tests/support/shared";
import { createFaceAnalyzer } from "./create-face-analyzer";
import type { DetectedFace, FaceAnalyzer } from "./face-types";

export const PEOPLE = ["alex_lacamoire", "biden", "kit_harington", "obama", "rose_leslie"] as const;
export const GROUP_PHOTO = "test_obama_and_biden.jpg";
/** Where the three faces of the group photo are (upright pixels, by eye): box centres. */
const GROUP_FACES = [
  { label: "biden", x: 846, y: 517 },
  { label: "obama", x: 1233, y: 481 },
  { label: "bystander", x: 1700, y: 1136 },
];

/** A face with who it is: a person of PEOPLE, "bystander", or null for a detection that is not the photo's subject. */
export type LabelledFace = DetectedFace & { file: string; label: string | null };

export const modelDir = () => sharedPath("models", "faces");
export const fixtureFiles = () => fs.readdirSync(sharedPath("fixtures", "faces")).sort();
export const readFixture = (file: string) => fs.readFileSync(sharedPath("fixtures", "faces", file));
export const openAnalyzer = (): Promise<FaceAnalyzer> => createFaceAnalyzer({ modelDir: modelDir() });

/** The person a fixture file shows, from its name (test_obama1.jpg, test_images_obama3.jpg → obama). */
export function personOf(file: string): string {
  const stem = path.basename(file).replace(/^test_(images_)?/, "");
  const person = PEOPLE.find((p) => stem.startsWith(p));
  if (!person) throw new Error(`No person prefix in ${file}`);
  return person;
}

/**
 * Labels the faces found in one fixture: in a single-person photo the largest face is the
 * subject and the rest are unlabelled; in the group photo each known face must be found within
 * 40 px of where it is, or this throws.
 */
export function labelFaces(file: string, faces: DetectedFace[]): LabelledFace[] {
  if (file === GROUP_PHOTO) {
    return faces.map((face) => {
      const cx = face.box.x + face.box.width / 2, cy = face.box.y + face.box.height / 2;
      const known = GROUP_FACES.find((g) => Math.hypot(g.x - cx, g.y - cy) < 40);
      return { ...face, file, label: known?.label ?? null };
    });
  }
  const largest = faces.reduce<DetectedFace | null>((a, f) => (!a || f.box.width > a.box.width ? f : a), null);
  return faces.map((face) => ({ ...face, file, label: face === largest ? personOf(file) : null }));
}

export const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
