// `npm run bench:faces`: the default face pipeline (face-api's SSD MobileNet v1 + dlib ResNet,
// converted from the npm package) side by side with the owner-supplied YuNet + MobileFaceNet
// (../shared/models/faces) in one run, one thread each: faces found on the group photo, identity
// on the faces fixtures (nearest neighbour, same-/different-person cosine ranges, clustering at
// each pipeline's threshold), faces "found" on the scenes fixtures (animals must stay at 0), and
// ms per photo. The separation printed here is what FACE_API_MODEL's thresholds were chosen from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createFaceAnalyzer } from "@/lib/ml/faces/create-face-analyzer";
import { createFaceApiAnalyzer } from "@/lib/ml/faces/face-api/create-face-api-analyzer";
import type { FaceAnalyzer } from "@/lib/ml/faces/face-types";
import { cosine, fixtureFiles, GROUP_PHOTO, labelFaces, readFixture, type LabelledFace } from "@/lib/ml/faces/fixture-faces.test-support";
import { isClusterableFace } from "@/lib/ml/faces/is-clusterable-face";
import { addFace, matchPerson, personOf, type PersonFaces } from "@/lib/ml/faces/match-person";
import { sharedPath } from "@/tests/support/shared";

/** Scenes showing animals, which must yield no face. */
const ANIMALS = ["chelsea.png", "two_dogs.jpg", "squirrel_cls.jpg", "butterfly.jpg", "ladybird.jpg"];

type Report = Record<string, string | number>;

async function measure(name: string, open: () => Promise<FaceAnalyzer>): Promise<Report> {
  let started = performance.now();
  const analyzer = await open();
  const loadMs = performance.now() - started;
  const subjects: LabelledFace[] = [];
  const times: number[] = [];
  let groupFound = "";
  for (const file of fixtureFiles()) {
    const image = readFixture(file);
    started = performance.now();
    const { faces } = await analyzer.analyze(image);
    times.push(performance.now() - started);
    const labelled = labelFaces(file, faces);
    if (file === GROUP_PHOTO) groupFound = `${faces.length} (${labelled.map((f) => f.label ?? "other").sort().join(", ")})`;
    subjects.push(...labelled.filter((f) => f.label && f.label !== "bystander"));
  }
  const same: number[] = [], different: number[] = [];
  let nearestRight = 0;
  for (const face of subjects) {
    let best: LabelledFace | null = null;
    for (const other of subjects) {
      if (other === face) continue;
      const c = cosine(face.embedding, other.embedding);
      if (other !== face && subjects.indexOf(other) > subjects.indexOf(face)) (other.label === face.label ? same : different).push(c);
      if (!best || c > cosine(face.embedding, best.embedding)) best = other;
    }
    if (best?.label === face.label) nearestRight += 1;
  }
  const people: PersonFaces[] = [];
  const labelsOf = new Map<string, string[]>();
  for (const face of subjects.filter((f) => isClusterableFace(f, analyzer.model.minClusterScore))) {
    let person = people.find((p) => p.id === matchPerson(face.embedding, people, { threshold: analyzer.model.matchThreshold })?.personId);
    if (!person) people.push((person = personOf(`p${people.length}`)));
    addFace(person, face.embedding);
    labelsOf.set(person.id, [...(labelsOf.get(person.id) ?? []), face.label!]);
  }
  const scenes: string[] = [];
  let animalFaces = 0;
  for (const file of fs.readdirSync(sharedPath("fixtures", "scenes")).sort()) {
    started = performance.now();
    const { faces } = await analyzer.analyze(fs.readFileSync(sharedPath("fixtures", "scenes", file)));
    times.push(performance.now() - started);
    if (faces.length) scenes.push(`${file}:${faces.length}`);
    if (ANIMALS.includes(file)) animalFaces += faces.length;
  }
  await analyzer.close();
  const range = (v: number[]) => `${Math.min(...v).toFixed(3)}..${Math.max(...v).toFixed(3)}`;
  const clusters = [...labelsOf.values()];
  return {
    pipeline: name,
    "load ms (face-api: incl. conversion)": Math.round(loadMs),
    "group photo faces": groupFound,
    "identity: nearest neighbour right": `${nearestRight}/${subjects.length}`,
    "same-person cosine": range(same),
    "different-person cosine": range(different),
    "gap (same min − different max)": (Math.min(...same) - Math.max(...different)).toFixed(3),
    "match threshold": analyzer.model.matchThreshold,
    "clusters (people: 5)": clusters.length,
    "mixed clusters": clusters.filter((labels) => new Set(labels).size > 1).length,
    "scenes with faces": scenes.join(" ") || "none",
    "faces on animal scenes": animalFaces,
    "ms per photo (mean, 1 thread)": Math.round(times.reduce((a, b) => a + b, 0) / times.length),
  };
}

const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-bench-faces-"));
try {
  const reports = [
    await measure("face-api (default)", () => createFaceApiAnalyzer({ cacheDir })),
    await measure("YuNet + MobileFaceNet", () => createFaceAnalyzer({ modelDir: sharedPath("models", "faces") })),
  ];
  const width = Math.max(...Object.keys(reports[0]!).map((k) => k.length));
  for (const key of Object.keys(reports[0]!)) console.log(`${key.padEnd(width)}  ${reports.map((r) => String(r[key]).padEnd(34)).join("  ")}`);
} finally {
  fs.rmSync(cacheDir, { recursive: true, force: true });
}
