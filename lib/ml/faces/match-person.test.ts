import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaceAnalyzer } from "./face-types";
import {
  cosine, fixtureFiles, GROUP_PHOTO, labelFaces, openAnalyzer, PEOPLE, readFixture, type LabelledFace,
} from "./fixture-faces.test-support";
import { isClusterableFace } from "./is-clusterable-face";
import { addFace, MATCH_THRESHOLD, matchPerson, personOf, type PersonFaces } from "./match-person";

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v, (x) => x / n);
};

describe("matchPerson (pure)", () => {
  it("returns null when there is nobody or nobody is similar enough", () => {
    expect(matchPerson(unit(1, 0, 0), [])).toBeNull();
    expect(matchPerson(unit(1, 0, 0), [personOf("a", [unit(0, 1, 0)]), personOf("b")])).toBeNull();
  });

  it("picks the person with the highest mean similarity, reporting it", () => {
    const people = [
      personOf("a", [unit(1, 0, 0), unit(0, 1, 0)]), // one near copy, one unrelated: mean 0.5·(0.995 + 0.1)
      personOf("b", [unit(1, 0.3, 0), unit(1, -0.3, 0)]), // both fairly close: mean ≈ 0.95
    ];
    const match = matchPerson(unit(1, 0.1, 0), people);
    expect(match?.personId).toBe("b");
    expect(match!.similarity).toBeCloseTo((cosine(unit(1, 0.1, 0), unit(1, 0.3, 0)) + cosine(unit(1, 0.1, 0), unit(1, -0.3, 0))) / 2, 6);
  });

  it("honours a custom threshold and rejects mismatched lengths", () => {
    const people = [personOf("a", [unit(1, 1, 0)])]; // similarity ≈ 0.707
    expect(matchPerson(unit(1, 0, 0), people, { threshold: 0.7 })?.personId).toBe("a");
    expect(matchPerson(unit(1, 0, 0), people, { threshold: 0.75 })).toBeNull();
    expect(() => matchPerson(unit(1, 0), people)).toThrow(/lengths differ/);
  });
});

/** Feeds faces one by one the way the worker will, returning people as lists of faces plus the unclustered. */
function cluster(faces: LabelledFace[]): { people: LabelledFace[][]; unclustered: LabelledFace[] } {
  const people: (PersonFaces & { faces: LabelledFace[] })[] = [];
  const unclustered: LabelledFace[] = [];
  for (const face of faces) {
    if (!isClusterableFace(face)) {
      unclustered.push(face);
      continue;
    }
    const match = matchPerson(face.embedding, people);
    const person = people.find((p) => p.id === match?.personId);
    if (person) {
      addFace(person, face.embedding);
      person.faces.push(face);
    } else people.push({ ...personOf(`person-${people.length}`, [face.embedding]), faces: [face] });
  }
  return { people: people.map((p) => p.faces), unclustered };
}

function expectFivePeople({ people, unclustered }: ReturnType<typeof cluster>, all: LabelledFace[]) {
  for (const name of PEOPLE) {
    const expected = all.filter((f) => f.label === name);
    const holders = people.filter((p) => p.some((f) => f.label === name));
    expect(holders, `${name} is in exactly one person`).toHaveLength(1);
    // Exactly that person's faces: all of them, nobody else's, no stray detection.
    expect(holders[0]!.map((f) => f.label)).toEqual(expected.map(() => name));
    expect(holders[0]!).toHaveLength(expected.length);
  }
  const bystander = all.filter((f) => f.label === "bystander");
  expect(bystander).toHaveLength(1);
  const bystanderPerson = people.find((p) => p.includes(bystander[0]!));
  expect(bystanderPerson === undefined ? unclustered.includes(bystander[0]!) : bystanderPerson.length === 1).toBe(true);
  expect(people.filter((p) => p.some((f) => PEOPLE.includes(f.label as never)))).toHaveLength(5);
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("matchPerson on the fixture photos", () => {
  let analyzer: FaceAnalyzer;
  const byFile = new Map<string, LabelledFace[]>();
  const analyzeFile = async (file: string) => {
    const faces = labelFaces(file, (await analyzer.analyze(readFixture(file))).faces);
    byFile.set(file, faces);
    return faces;
  };

  beforeAll(async () => {
    analyzer = await openAnalyzer();
    for (const file of fixtureFiles()) await analyzeFile(file);
  });
  afterAll(() => analyzer?.close());

  it("photos in file order, analysed one by one, form exactly the 5 people", () => {
    expect(byFile.size).toBe(13);
    const faces = fixtureFiles().flatMap((file) => byFile.get(file)!);
    expectFivePeople(cluster(faces), faces);
  });

  it("the same holds in shuffled orders (one analysed afresh, more replayed)", async () => {
    const order = shuffled(fixtureFiles(), 7);
    expect(order).not.toEqual(fixtureFiles());
    const faces: LabelledFace[] = [];
    for (const file of order) faces.push(...(await analyzeFile(file)));
    expectFivePeople(cluster(faces), faces);
    for (let seed = 1; seed <= 50; seed++) {
      const replay = shuffled(fixtureFiles(), seed).flatMap((file) => byFile.get(file)!);
      expectFivePeople(cluster(replay), replay);
    }
  });

  it("in the group photo Obama joins Obama, Biden joins Biden, the bystander nobody", () => {
    const others = [...byFile].filter(([file]) => file !== GROUP_PHOTO).flatMap(([, faces]) => faces);
    const people = PEOPLE.map((name) => personOf(name, others.filter((f) => f.label === name).map((f) => f.embedding)));
    const group = byFile.get(GROUP_PHOTO)!;
    expect(group.map((f) => f.label).sort()).toEqual(["biden", "bystander", "obama"]);
    for (const face of group) {
      const match = matchPerson(face.embedding, people);
      console.log(`${GROUP_PHOTO} ${face.label}: ${match ? `${match.personId} @ ${match.similarity.toFixed(3)}` : "new person"}`);
      expect(match?.personId ?? "new person").toBe(face.label === "bystander" ? "new person" : face.label);
    }
  });

  it("MATCH_THRESHOLD separates same-person from different-person similarities with a margin", () => {
    const faces = [...byFile.values()].flat().filter((f) => f.label !== null);
    const same: number[] = [], different: number[] = [];
    for (let i = 0; i < faces.length; i++) {
      for (let j = i + 1; j < faces.length; j++) {
        const sim = cosine(faces[i]!.embedding, faces[j]!.embedding);
        (faces[i]!.label === faces[j]!.label ? same : different).push(sim);
      }
    }
    same.sort((a, b) => a - b);
    different.sort((a, b) => a - b);
    const show = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" ");
    console.log(`same person (${same.length} pairs): ${show(same)}`);
    console.log(`different people (${different.length} pairs): ${show(different)}`);
    console.log(`threshold ${MATCH_THRESHOLD}: margin ${(same[0]! - MATCH_THRESHOLD).toFixed(3)} above, ${(MATCH_THRESHOLD - different.at(-1)!).toFixed(3)} below`);
    expect(same).toHaveLength(1 + 3 + 1 + 10 + 1); // alex 2, biden 3, kit 2, obama 5, rose 2 photos
    expect(same[0]! - MATCH_THRESHOLD).toBeGreaterThanOrEqual(0.1);
    expect(MATCH_THRESHOLD - different.at(-1)!).toBeGreaterThanOrEqual(0.1);
  });
});
