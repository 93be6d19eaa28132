// File names and typos against a real segment: the query is parsed as search parses it, the
// documents are indexed as the worker indexes them (file names split by fileNameWords).
import { describe, expect, it } from "vitest";
import { buildSegment } from "./build-segment";
import { parseTextQuery, querySegment, segmentHasTerm } from "./query-segment";
import { fileNameWords, SEARCH_FIELDS, type SearchDocument, type SearchField } from "./search-document";

const blank = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, ""])) as Record<SearchField, string>;
const doc = (id: string, fields: Partial<Record<SearchField, string>>): SearchDocument => ({ ...blank, ...fields, id, kind: "photo", capturedAt: 0 });
const documents = [
  doc("heic", { name: fileNameWords("IMG_5195.HEIC") }),
  doc("other-img", { name: fileNameWords("IMG_5196.JPG") }),
  doc("nikon", { name: fileNameWords("DSCN0010.jpg"), place: "Arezzo Tuscany Italy" }),
  doc("phone", { name: fileNameWords("iphone_13_pro_max.heic") }),
  doc("sign", { ocr: "PARKING only for guests", name: fileNameWords("scene.jpg") }),
  doc("parker", { caption: "Mr Parker at the desk", name: fileNameWords("desk.jpg") }),
  doc("there", { caption: "three dogs", name: fileNameWords("dogs.jpg") }),
];
const segment = buildSegment(documents, documents.map((d) => d.id));
const isIndexed = (term: string) => segmentHasTerm(segment, term);

function search(query: string): string[] {
  const matches = querySegment(segment, parseTextQuery(query, isIndexed));
  return matches.docs.sort((a, b) => matches.scoreOf(b) - matches.scoreOf(a)).map((d) => segment.ids[d]!);
}

describe("file names", () => {
  it.each([
    ["IMG_5195", "heic"],
    ["img_5195.heic", "heic"],
    ["DSCN0010.jpg", "nikon"],
    ["dscn0010", "nikon"],
    ["iphone_13_pro_max", "phone"],
    ["iphone_13_pr", "phone"],
  ])("finds %j whole or in part, first", (query, first) => {
    expect(search(query)[0]).toBe(first);
  });

  it("a number alone finds the one file that has it", () => {
    expect(search("5195")).toEqual(["heic"]);
  });
});

describe("typos", () => {
  it("searches a word no document holds as the indexed words one edit away, and says so", () => {
    expect(search("parkng")).toEqual(["sign"]);
    expect(search("Arrezzo")).toEqual(["nikon"]);
    expect(parseTextQuery("parkng lot", isIndexed).corrections).toEqual([{ typed: "parkng", closeTo: ["parking"], terms: ["park"] }]);
  });

  it("never corrects a word the index holds, a short word, a stop word or a number", () => {
    expect(search("parker")).toEqual(["parker"]);
    expect(parseTextQuery("parker", isIndexed).corrections).toEqual([]);
    expect(parseTextQuery("dgos", isIndexed).corrections).toEqual([]);
    expect(parseTextQuery("there", isIndexed).corrections).toEqual([]);
    expect(parseTextQuery("IMG_5197", isIndexed).corrections).toEqual([]);
  });

  it("without an index to consult, parses as before", () => {
    expect(parseTextQuery("parkng")).toEqual({ words: ["parkng"], prefix: "parkng", corrections: [] });
  });
});
