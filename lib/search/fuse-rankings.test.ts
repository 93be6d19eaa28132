// Search fuses a long BM25 ranking with CLIP's 100 neighbours but reads only the BM25 top `depth`
// and the BM25 ranks of the neighbours: the fused order must be exactly the full fusion's down to
// `depth`.
import { describe, expect, it } from "vitest";
import { fuseRankings } from "./fuse-rankings";

let seed = 11;
const random = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);

describe("fuseRankings over a partial BM25 list", () => {
  it.each([1, 10, 51, 151, 1000])("equals the full fusion down to depth %i", (depth) => {
    for (let trial = 0; trial < 20; trial++) {
      const text = Array.from({ length: 2000 + Math.floor(random() * 3000) }, (_, i) => `t${i}`);
      // CLIP neighbours: some also matched by text at any rank, some not at all.
      const clip = [...new Set(Array.from({ length: 100 }, () => (random() < 0.5 ? text[Math.floor(random() * text.length)]! : `c${Math.floor(random() * 1e6)}`)))];
      const ranked = (ids: string[]) => ids.map((id, i) => ({ id, rank: i + 1 }));
      const full = fuseRankings([
        { name: "bm25", entries: ranked(text), weight: 1 },
        { name: "clip", entries: ranked(clip), weight: 0.9 },
      ]);
      const rankOf = new Map(text.map((id, i) => [id, i + 1]));
      const partialText = new Map(ranked(text.slice(0, depth)).map((e) => [e.id, e]));
      for (const id of clip) if (rankOf.has(id) && !partialText.has(id)) partialText.set(id, { id, rank: rankOf.get(id)! });
      const partial = fuseRankings([
        { name: "bm25", entries: [...partialText.values()], weight: 1 },
        { name: "clip", entries: ranked(clip), weight: 0.9 },
      ]);
      expect(partial.slice(0, depth)).toEqual(full.slice(0, depth));
    }
  });
});
