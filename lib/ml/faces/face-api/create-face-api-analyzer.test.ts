// The face-api pipeline (converted from the npm package's weights) on the shared fixtures: a
// handful of photos, enough to show detection, identity, animals not taken for people, clustering.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedPath } from "@/tests/support/shared";
import { FACE_API_MODEL } from "../face-models";
import type { FaceAnalyzer } from "../face-types";
import { cosine, GROUP_PHOTO, labelFaces, readFixture, type LabelledFace } from "../fixture-faces.test-support";
import { addFace, matchPerson, personOf, type PersonFaces } from "../match-person";
import { createFaceApiAnalyzer } from "./create-face-api-analyzer";
import { ensureFaceApiModels } from "./face-api-models";

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-face-api-"));
const SINGLES = ["obama_obama.jpg", "obama_obama2.jpg", "biden_biden.jpg", "biden_biden2.jpg", "rose_leslie_img1.jpg", "rose_leslie_img2.jpg"];
let analyzer: FaceAnalyzer;
const subjects: LabelledFace[] = [];

beforeAll(async () => {
  analyzer = await createFaceApiAnalyzer({ cacheDir });
  for (const file of [...SINGLES, GROUP_PHOTO]) {
    const { faces } = await analyzer.analyze(readFixture(file));
    subjects.push(...labelFaces(file, faces).filter((f) => f.label !== null && f.label !== "bystander"));
  }
}, 120_000);
afterAll(async () => {
  await analyzer?.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

describe("createFaceApiAnalyzer (face-api SSD + dlib descriptor on onnxruntime)", () => {
  it("converts the npm package's weights once and reuses the cached ONNX files", () => {
    const files = ensureFaceApiModels(cacheDir);
    const before = [files.detector, files.descriptor].map((f) => fs.statSync(f).mtimeMs);
    expect(ensureFaceApiModels(cacheDir)).toEqual(files);
    expect([files.detector, files.descriptor].map((f) => fs.statSync(f).mtimeMs)).toEqual(before);
    expect(analyzer.model.id).toBe(FACE_API_MODEL.id);
  });

  it("finds both known people on the group photo and each single photo's subject, with landmarks and unit 128-d descriptors", () => {
    expect(subjects.filter((f) => f.file === GROUP_PHOTO).map((f) => f.label).sort()).toEqual(["biden", "obama"]);
    expect(new Set(subjects.map((f) => f.file))).toEqual(new Set([...SINGLES, GROUP_PHOTO]));
    for (const face of subjects) {
      expect(face.score).toBeGreaterThan(FACE_API_MODEL.minClusterScore);
      expect(face.embedding).toHaveLength(128);
      expect(Math.hypot(...face.embedding)).toBeCloseTo(1, 5);
      // Five landmarks from the 68: inside the box, eyes above the nose above the mouth, image-left first.
      const [leftEye, rightEye, nose, leftMouth, rightMouth] = face.landmarks as [number, number][];
      for (const [x, y] of face.landmarks) {
        expect(x).toBeGreaterThan(face.box.x);
        expect(x).toBeLessThan(face.box.x + face.box.width);
        expect(y).toBeGreaterThan(face.box.y);
        expect(y).toBeLessThan(face.box.y + face.box.height);
      }
      expect(leftEye![0]).toBeLessThan(rightEye![0]);
      expect(leftMouth![0]).toBeLessThan(rightMouth![0]);
      expect(Math.max(leftEye![1], rightEye![1])).toBeLessThan(nose![1]);
      expect(nose![1]).toBeLessThan(Math.min(leftMouth![1], rightMouth![1]));
    }
  });

  it("puts every face nearest to another face of the same person, and clusters them into exactly the people", () => {
    for (const face of subjects) {
      const nearest = subjects.filter((o) => o !== face).reduce((a, b) => (cosine(face.embedding, a.embedding) >= cosine(face.embedding, b.embedding) ? a : b));
      expect(`${face.file}: ${nearest.label}`).toBe(`${face.file}: ${face.label}`);
    }
    // Incremental clustering as storeFaces does it, at the pipeline's threshold.
    const people: PersonFaces[] = [];
    const labelsOf = new Map<string, Set<string>>();
    for (const face of subjects) {
      let person = people.find((p) => p.id === matchPerson(face.embedding, people, { threshold: FACE_API_MODEL.matchThreshold })?.personId);
      if (!person) people.push((person = personOf(`p${people.length}`)));
      addFace(person, face.embedding);
      labelsOf.set(person.id, (labelsOf.get(person.id) ?? new Set()).add(face.label!));
    }
    expect([...labelsOf.values()].map((labels) => [...labels].join("+")).sort()).toEqual(["biden", "obama", "rose_leslie"]);
  });

  it("does not take the cat or the dogs for people, nor an empty picture", async () => {
    for (const file of ["chelsea.png", "two_dogs.jpg"]) {
      expect({ file, faces: (await analyzer.analyze(fs.readFileSync(sharedPath("fixtures", "scenes", file)))).faces }).toEqual({ file, faces: [] });
    }
    const plain = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#8a9" } }).png().toBuffer();
    expect(await analyzer.analyze(plain)).toEqual({ width: 300, height: 200, faces: [] });
    await expect(analyzer.analyze(Buffer.from("not an image"))).rejects.toThrow(/Cannot decode the image for face analysis/);
  });
});
