// The segmented lunr index on a real temp library: deltas, shadowing of older text, merges,
// rebuilds after damage, and a reader that follows the worker without a restart.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

let lib: TestLibrary;
let update: typeof import("@/lib/search/update-text-index").updateTextIndex;
let search: typeof import("@/lib/search/text-index").searchText;
let stale: typeof import("@/lib/search/mark-search-stale").markSearchStale;

async function addPhoto(name: string, caption: string): Promise<string> {
  const id = randomUUID();
  await lib.db.asset.create({
    data: {
      id, sha256: id.replace(/-/g, "").padEnd(64, "0"), kind: "photo", mimeType: "image/jpeg", ext: "jpg", size: 1n, originalName: name,
      source: "test", capturedAt: new Date(), capturedAtSource: "upload", caption: { create: { text: caption, model: "test" } },
    },
  });
  await stale(lib.db, [id]);
  return id;
}

const found = (query: string) => search(lib.paths.textIndex, query).top(100).map((h) => h.assetId);
const segments = () => fs.readdirSync(lib.paths.textIndex).filter((f) => f.startsWith("segment-"));

beforeAll(async () => {
  lib = await createTestLibrary();
  ({ updateTextIndex: update } = await import("@/lib/search/update-text-index"));
  ({ searchText: search } = await import("@/lib/search/text-index"));
  ({ markSearchStale: stale } = await import("@/lib/search/mark-search-stale"));
});

afterAll(() => lib.cleanup());

describe("text index segments", () => {
  const policy = { maxDeltas: 2, rebuildRatio: 10, batch: 2, segmentDocs: 3 };
  let lighthouse: string;

  it("builds the first index from everything, then adds new photos as delta segments", async () => {
    lighthouse = await addPhoto("IMG_1.jpg", "a lighthouse on a rocky coast");
    await addPhoto("IMG_2.jpg", "a red bicycle");
    expect(await update(lib, policy)).toMatchObject({ action: "rebuild", segments: 1 });
    expect(found("lighthouse")).toEqual([lighthouse]);
    const ferry = await addPhoto("ferry_crossing.jpg", "boats at dawn");
    expect(await update(lib, policy)).toMatchObject({ action: "delta", docs: 1, segments: 2 });
    // The reader picks the new manifest up on its own; file-name words are searchable.
    expect(found("ferry")).toEqual([ferry]);
    expect(found("boats")).toEqual([ferry]);
    expect(await update(lib, policy)).toMatchObject({ action: "none" });
    expect(await lib.db.searchChange.count()).toBe(0);
  });

  it("lets a newer segment speak for an asset: changed text stops matching, deletions vanish", async () => {
    await lib.db.caption.update({ where: { assetId: lighthouse }, data: { text: "a harbour at night" } });
    await stale(lib.db, [lighthouse]);
    await update(lib, policy);
    expect(found("lighthouse")).toEqual([]);
    expect(found("harbour")).toEqual([lighthouse]);
    const [bicycle] = found("bicycle");
    await lib.db.asset.delete({ where: { id: bicycle! } });
    await stale(lib.db, [bicycle!]);
    await update(lib, policy);
    expect(found("bicycle")).toEqual([]);
  });

  it("merges deltas past the limit, and rebuilds into bounded base segments when a file is lost", async () => {
    const actions: string[] = [];
    for (const [i, word] of ["snow", "rain", "hail"].entries()) {
      await addPhoto(`IMG_${9 + i}.jpg`, `${word} on the mountains`);
      actions.push((await update(lib, policy)).action);
      expect(segments().length).toBeLessThanOrEqual(1 + policy.maxDeltas);
    }
    expect(actions).toContain("merge");
    expect(found("mountains")).toHaveLength(3);
    // Ranks agree whichever way they are asked for: the top n, or the rank of given assets.
    const ranking = search(lib.paths.textIndex, "mountains snow");
    const ranks = (hits: Iterable<{ assetId: string; rank: number }>) => [...hits].map((h) => `${h.rank}:${h.assetId}`).sort();
    expect(ranking.total).toBe(3);
    expect(ranks(ranking.top(2))).toEqual(ranks(ranking.top(3)).slice(0, 2));
    expect(ranks(ranking.find(found("mountains")).values())).toEqual(ranks(ranking.top(3)));
    expect(found("harbour")).toEqual([lighthouse]);
    expect(found("lighthouse")).toEqual([]);

    fs.rmSync(path.join(lib.paths.textIndex, segments()[0]!));
    // Five photos left, at most three per base segment.
    expect(await update(lib, policy)).toMatchObject({ action: "rebuild", docs: 5, segments: 2 });
    expect(found("snow")).toHaveLength(1);
    expect(found("harbour")).toEqual([lighthouse]);
  });

  it("replaces an index of the older lunr-JSON format with a rebuild", async () => {
    const dir = lib.paths.textIndex;
    for (const file of fs.readdirSync(dir)) fs.rmSync(path.join(dir, file));
    fs.writeFileSync(path.join(dir, "segment-1-old.json"), JSON.stringify({ version: 1, ids: [], index: {} }));
    fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ version: 1, seq: 999, bases: 1, segments: [{ file: "segment-1-old.json", docs: 5 }], builtAt: "" }));
    expect(await update(lib, policy)).toMatchObject({ action: "rebuild", docs: 5 });
    expect(fs.existsSync(path.join(dir, "segment-1-old.json"))).toBe(false);
    expect(found("harbour")).toEqual([lighthouse]);
  });

  it("folds accents and case, explains matches, and takes any input without a query-syntax error", async () => {
    const cafe = await addPhoto("Zürich.jpg", "Café at the lake");
    await update(lib, policy);
    expect(found("cafe zurich")).toEqual([cafe]);
    const [hit] = search(lib.paths.textIndex, "CAFÉ").top(1);
    expect(hit!.matchedTerms()).toEqual({ cafe: ["content"] });
    for (const hostile of ["title:x", "+-~^*", "a:b^2~1", "\u0000", "'\"", "*"]) expect(() => search(lib.paths.textIndex, hostile)).not.toThrow();
  });
});
