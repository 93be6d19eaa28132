import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaceAnalyzer } from "./face-types";
import { cosine, fixtureFiles, GROUP_PHOTO, labelFaces, openAnalyzer, readFixture, type LabelledFace } from "./fixture-faces.test-support";
import { isClusterableFace, MIN_CLUSTER_FACE_SIZE, MIN_CLUSTER_SCORE } from "./is-clusterable-face";
import { MATCH_THRESHOLD } from "./match-person";

const face = (score: number, width: number, height = width * 1.3) => ({ box: { x: 0, y: 0, width, height }, score });

describe("isClusterableFace", () => {
  it("needs both the score and the size", () => {
    expect(isClusterableFace(face(MIN_CLUSTER_SCORE, MIN_CLUSTER_FACE_SIZE))).toBe(true);
    expect(isClusterableFace(face(MIN_CLUSTER_SCORE - 0.01, 200))).toBe(false);
    expect(isClusterableFace(face(0.99, MIN_CLUSTER_FACE_SIZE - 1))).toBe(false);
    expect(isClusterableFace(face(0.99, 200, MIN_CLUSTER_FACE_SIZE - 1))).toBe(false);
  });
});

describe("the cluster limits, measured on the fixture photos", () => {
  let analyzer: FaceAnalyzer;
  const full: LabelledFace[] = [];
  const singles = () => fixtureFiles().filter((file) => file !== GROUP_PHOTO);

  beforeAll(async () => {
    analyzer = await openAnalyzer();
    for (const file of fixtureFiles()) full.push(...labelFaces(file, (await analyzer.analyze(readFixture(file))).faces));
  });
  afterAll(() => analyzer?.close());

  it("MIN_CLUSTER_SCORE keeps every real face and drops the detections on a painting", () => {
    const real = full.filter((f) => f.label !== null).map((f) => f.score);
    const stray = full.filter((f) => f.label === null).map((f) => `${f.file} ${f.score.toFixed(2)}`);
    console.log(`real faces score ${Math.min(...real).toFixed(2)}–${Math.max(...real).toFixed(2)}; other detections: ${stray.join(", ")}`);
    expect(stray.length).toBeGreaterThan(0); // the painting behind Biden in biden_biden2.jpg
    expect(Math.min(...real) - MIN_CLUSTER_SCORE).toBeGreaterThanOrEqual(0.08);
    for (const f of full.filter((f) => f.label === null)) expect(MIN_CLUSTER_SCORE - f.score).toBeGreaterThanOrEqual(0.08);
  });

  it("faces shrunk to MIN_CLUSTER_FACE_SIZE still match their person and nobody else", async () => {
    for (const size of [24, 32, MIN_CLUSTER_FACE_SIZE]) {
      let worstSame = 1, worstOther = -1;
      for (const file of singles()) {
        const original = full.find((f) => f.file === file && f.label !== null)!;
        const image = readFixture(file);
        const { width } = (await sharp(image).metadata()).autoOrient;
        const factor = (size * 1.05) / Math.min(original.box.width, original.box.height);
        const small = await sharp(image).rotate().resize(Math.round(width * factor)).jpeg({ quality: 90 }).toBuffer();
        const found = labelFaces(file, (await analyzer.analyze(small)).faces).find((f) => f.label !== null);
        expect(found, `${file} at ${size} px`).toBeDefined();
        if (size === MIN_CLUSTER_FACE_SIZE) expect(isClusterableFace(found!)).toBe(true);
        const same = full.filter((f) => f.label === original.label && f !== original).map((f) => cosine(f.embedding, found!.embedding));
        const other = full.filter((f) => f.label !== null && f.label !== original.label).map((f) => cosine(f.embedding, found!.embedding));
        worstSame = Math.min(worstSame, same.reduce((a, b) => a + b, 0) / same.length);
        worstOther = Math.max(worstOther, ...other);
      }
      console.log(`faces ≈${size} px: lowest mean same-person similarity ${worstSame.toFixed(2)}, highest different-person ${worstOther.toFixed(2)}`);
      if (size === MIN_CLUSTER_FACE_SIZE) {
        expect(worstSame - MATCH_THRESHOLD).toBeGreaterThanOrEqual(0.1);
        expect(MATCH_THRESHOLD - worstOther).toBeGreaterThanOrEqual(0.1);
      }
    }
  });
});
