import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFaceAnalyzer } from "./create-face-analyzer";
import type { DetectedFace, FaceAnalyzer } from "./face-types";
import { cosine, fixtureFiles, GROUP_PHOTO, labelFaces, modelDir, openAnalyzer, readFixture } from "./fixture-faces.test-support";

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const subject = (file: string, faces: DetectedFace[]) => labelFaces(file, faces).find((f) => f.label !== null)!;

describe("createFaceAnalyzer (real YuNet + MobileFaceNet)", () => {
  let analyzer: FaceAnalyzer;
  const rssBefore = process.memoryUsage().rss;

  beforeAll(async () => {
    analyzer = await openAnalyzer();
    console.log(`RSS ${mb(rssBefore)} before the models, ${mb(process.memoryUsage().rss)} with both loaded`);
  });
  afterAll(() => analyzer?.close());

  it("finds each fixture's faces with plausible geometry and unit 128-d embeddings (timed)", async () => {
    const lines: string[] = [];
    for (const file of fixtureFiles()) {
      const image = readFixture(file);
      const started = performance.now();
      const result = await analyzer.analyze(image);
      const ms = performance.now() - started;
      const meta = await sharp(image).metadata();
      lines.push(`${file.padEnd(26)} ${`${result.width}×${result.height}`.padEnd(10)} ${ms.toFixed(0).padStart(4)} ms  ${result.faces.length} face(s)  RSS ${mb(process.memoryUsage().rss)}`);
      expect([result.width, result.height]).toEqual([meta.autoOrient.width, meta.autoOrient.height]);
      const main = subject(file, result.faces);
      expect(main.score).toBeGreaterThan(0.9);
      expect(main.box.width).toBeGreaterThan(100);
      for (const face of result.faces) {
        expect(face.embedding).toHaveLength(128);
        expect(Math.hypot(...face.embedding)).toBeCloseTo(1, 5);
        expect(face.box.x + face.box.width).toBeLessThanOrEqual(result.width);
        expect(face.box.y + face.box.height).toBeLessThanOrEqual(result.height);
      }
      // Landmarks of the subject sit inside its box, eyes above nose above mouth, image-left eye first.
      const [leftEye, rightEye, nose, leftMouth, rightMouth] = main.landmarks as [number, number][];
      for (const [x, y] of main.landmarks) {
        expect(x).toBeGreaterThan(main.box.x);
        expect(x).toBeLessThan(main.box.x + main.box.width);
        expect(y).toBeGreaterThan(main.box.y);
        expect(y).toBeLessThan(main.box.y + main.box.height);
      }
      expect(leftEye![0]).toBeLessThan(rightEye![0]);
      expect(leftMouth![0]).toBeLessThan(rightMouth![0]);
      expect(Math.max(leftEye![1], rightEye![1])).toBeLessThan(nose![1]);
      expect(nose![1]).toBeLessThan(Math.min(leftMouth![1], rightMouth![1]));
    }
    console.log(lines.join("\n"));
  });

  it("reports faces in upright coordinates for an EXIF-rotated photo", async () => {
    const upright = readFixture("test_obama1.jpg");
    // Store the pixels turned 90° anticlockwise with orientation 6 (display: turn 90° clockwise).
    const sideways = await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const expected = await analyzer.analyze(upright);
    const actual = await analyzer.analyze(sideways);
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    expect(actual.faces).toHaveLength(1);
    const [a, e] = [actual.faces[0]!, expected.faces[0]!];
    expect(Math.abs(a.box.x - e.box.x) + Math.abs(a.box.y - e.box.y)).toBeLessThan(6);
    a.landmarks.forEach(([x, y], i) => expect(Math.hypot(x - e.landmarks[i]![0], y - e.landmarks[i]![1])).toBeLessThan(4));
    expect(cosine(a.embedding, e.embedding)).toBeGreaterThan(0.95);
  });

  it("handles greyscale and alpha inputs", async () => {
    const grey = await sharp(readFixture("obama_obama.jpg")).greyscale().jpeg().toBuffer();
    const alpha = await sharp(readFixture("rose_leslie_img2.jpg")).ensureAlpha(0.5).png().toBuffer();
    for (const [file, image] of [["obama_obama.jpg", grey], ["rose_leslie_img2.jpg", alpha]] as const) {
      const result = await analyzer.analyze(image);
      const reference = await analyzer.analyze(readFixture(file));
      expect(result.faces).toHaveLength(1);
      expect(cosine(result.faces[0]!.embedding, reference.faces[0]!.embedding)).toBeGreaterThan(0.7);
    }
  });

  it("returns no faces for a photo without any", async () => {
    // The lower-left of the group photo: suits, a microphone and a backdrop, nobody's face.
    const noFaces = await sharp(readFixture(GROUP_PHOTO)).extract({ left: 0, top: 800, width: 1000, height: 628 }).jpeg().toBuffer();
    const plain = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#8a9" } }).png().toBuffer();
    expect((await analyzer.analyze(noFaces)).faces).toEqual([]);
    expect(await analyzer.analyze(plain)).toEqual({ width: 300, height: 200, faces: [] });
  });

  it("gives the same faces with more threads and with calls in parallel", async () => {
    const photos = ["test_obama_and_biden.jpg", "kit_harington_john1.jpeg"].map(readFixture);
    const sequential: Awaited<ReturnType<typeof analyzer.analyze>>[] = [];
    for (const photo of photos) sequential.push(await analyzer.analyze(photo));
    const parallel = await Promise.all(photos.map((photo) => analyzer.analyze(photo)));
    const threaded = await createFaceAnalyzer({ modelDir: modelDir(), threads: 2 });
    try {
      const withThreads = await Promise.all(photos.map((photo) => threaded.analyze(photo)));
      for (const other of [parallel, withThreads]) {
        other.forEach((result, i) => {
          expect(result.faces).toHaveLength(sequential[i]!.faces.length);
          result.faces.forEach((f, j) => {
            const same = sequential[i]!.faces[j]!;
            expect(Math.abs(f.box.x - same.box.x) + Math.abs(f.box.y - same.box.y) + Math.abs(f.box.width - same.box.width)).toBeLessThan(0.01);
            expect(cosine(f.embedding, same.embedding)).toBeGreaterThan(0.9999);
          });
        });
      }
    } finally {
      await threaded.close();
    }
  });

  it("rejects undecodable input and a missing model with clear errors", async () => {
    await expect(analyzer.analyze(Buffer.from("definitely not an image"))).rejects.toThrow(/Cannot decode the image for face analysis/);
    await expect(analyzer.analyze(Buffer.alloc(0))).rejects.toThrow(/Cannot decode the image for face analysis/);
    await expect(createFaceAnalyzer({ modelDir: "/nonexistent/models" })).rejects.toThrow(/Face model missing: \/nonexistent\/models\//);
  });
});
