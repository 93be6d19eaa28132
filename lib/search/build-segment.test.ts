// The flat segment against lunr itself: the same documents indexed by lunr.Index and by
// buildSegment, the same queries, the same documents with the same scores and matched terms.
import { describe, expect, it } from "vitest";
import { buildLunrIndex, queryLunr } from "@/tests/support/lunr-reference";
import { ASSET_KINDS, buildSegment, NO_KIND } from "./build-segment";
import { parseTextQuery, querySegment } from "./query-segment";
import { SEARCH_FIELDS, type SearchDocument, type SearchField } from "./search-document";
import { decodeSegment, encodeSegment } from "./text-index-files";

let seed = 7;
const random = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32);
const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]!;
const vocabulary = [
  "park", "parking", "parked", "parker", "run", "running", "runs", "lighthouse", "light", "café", "Zürich", "the", "and", "of",
  "beach", "beaches", "dog", "dogs", "invoice", "2008", "arezzo", "IMG", "jpg", "snow", "x", "a-b", "e-mail", "naïve",
];
const text = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => pick(vocabulary)).join(pick([" ", "\n", ", "]));
const documents: SearchDocument[] = Array.from({ length: 300 }, (_, i) => ({
  id: `asset-${i}`,
  ...(Object.fromEntries(SEARCH_FIELDS.map((field) => [field, random() < 0.5 ? text(field === "text" ? 40 : 6) : ""])) as Record<SearchField, string>),
  kind: pick(["photo", "video", "document"]),
  capturedAt: Date.UTC(2000 + i, 0, 1),
}));

describe("buildSegment + querySegment", () => {
  const reference = buildLunrIndex(documents);
  const segment = decodeSegment(encodeSegment(buildSegment(documents, [...documents.map((d) => d.id), "deleted-asset"])));

  it.each(["park", "parking", "running dogs", "pa", "CAFÉ zurich", "the", "lighthouse arezzo 2008", "e-mail", "naive beach", "nothing-here", "b"])(
    "ranks %j exactly as lunr.Index does",
    (query) => {
      const expected = queryLunr(reference, query);
      const { docs, scoreOf, termsOf } = querySegment(segment, parseTextQuery(query));
      const ours = new Map(docs.map((doc) => [segment.ids[doc]!, { score: scoreOf(doc), terms: termsOf(doc) }]));
      expect(ours.size).toBe(expected.length);
      for (const result of expected) {
        const mine = ours.get(result.ref);
        expect(mine, result.ref).toBeDefined();
        expect(mine!.score).toBeCloseTo(result.score, 5);
        const sorted = (terms: Record<string, string[]>) => Object.fromEntries(Object.entries(terms).map(([term, fields]) => [term, [...fields].sort()]));
        expect(sorted(mine!.terms)).toEqual(sorted(Object.fromEntries(Object.entries(result.matchData.metadata).map(([term, fields]) => [term, Object.keys(fields)]))));
      }
    },
  );

  it("speaks for assets with nothing indexed, and survives its file format", () => {
    expect(segment.ids.at(-1)).toBe("deleted-asset");
    expect(segment.ids).toHaveLength(documents.length + 1);
    expect([...segment.kinds]).toEqual([...documents.map((d) => ASSET_KINDS.indexOf(d.kind as "photo")), NO_KIND]);
    expect([...segment.times]).toEqual([...documents.map((d) => d.capturedAt), NaN]);
    expect(() => decodeSegment(Buffer.from("ALBS\u0002\u0000\u0000\u0000{}"))).toThrow();
    expect(() => decodeSegment(Buffer.from("not a segment"))).toThrow("not a text index segment");
  });
});
