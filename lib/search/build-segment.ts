import lunr from "lunr";
import type { SearchDocument, SearchField } from "./search-document";

/** A serialised text-index segment: the lunr index of some documents, plus every id it speaks for. */
export type SegmentData = { version: 1; ids: string[]; index: object };

/**
 * The indexed fields and their weights: what names the photo (file name, the owner's words, album,
 * people, place) outranks what was read or guessed from its pixels, which outranks a document's
 * body. Three lunr fields, not one per source: lunr keeps a vector per field per document, and at
 * 100k documents nine fields cost ~800 MiB of server memory against ~450 MiB for one (bench:search);
 * which source matched is worked out afterwards for the page shown (explainMatches).
 */
export const INDEX_FIELDS: Record<string, { boost: number; sources: SearchField[] }> = {
  label: { boost: 3, sources: ["name", "description", "album", "people", "place"] },
  content: { boost: 1.5, sources: ["caption", "ocr", "camera"] },
  body: { boost: 1, sources: ["text"] },
};

/**
 * Builds one BM25 (lunr) segment. `ids` also lists assets with nothing left to index (deleted,
 * emptied): the segment still speaks for them, so their text in older segments stops matching.
 */
export function buildSegment(documents: SearchDocument[], ids: string[]): SegmentData {
  const index = lunr(function () {
    this.ref("id");
    for (const [field, { boost }] of Object.entries(INDEX_FIELDS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const doc of documents) {
      const fields = Object.entries(INDEX_FIELDS).map(([field, { sources }]) => [field, foldText(sources.map((source) => doc[source]).join("\n"))]);
      this.add({ id: doc.id, ...Object.fromEntries(fields) });
    }
  });
  return { version: 1, ids: [...new Set([...ids, ...documents.map((d) => d.id)])], index: index.toJSON() };
}

/** Lower-case, accents removed ("Zürich" ≡ "zurich", "café" ≡ "cafe"), for documents and queries alike. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

const analysis = new lunr.Pipeline();
analysis.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);

/** The index terms of a text, exactly as lunr stores them (folded, tokenized, trimmed, stemmed). */
export function indexTerms(text: string): Set<string> {
  return new Set(analysis.run(lunr.tokenizer(foldText(text))).map((token) => token.toString()));
}
