import lunr from "lunr";
import { SEARCH_FIELDS, type SearchDocument, type SearchField } from "./search-document";

/** A serialised text-index segment: the lunr index of some documents, plus every id it speaks for. */
export type SegmentData = { version: 1; ids: string[]; index: object };

/** Field weights: what the owner typed or what is printed in the photo outranks camera makers. */
export const FIELD_BOOST: Record<SearchField, number> = {
  name: 2, description: 3, album: 3, people: 3, place: 2.5, ocr: 2, caption: 1.5, text: 1, camera: 1,
};

/**
 * Builds one BM25 (lunr) segment. `ids` also lists assets with nothing left to index (deleted,
 * emptied): the segment still speaks for them, so their text in older segments stops matching.
 */
export function buildSegment(documents: SearchDocument[], ids: string[]): SegmentData {
  const index = lunr(function () {
    this.ref("id");
    for (const field of SEARCH_FIELDS) this.field(field, { boost: FIELD_BOOST[field] });
    this.metadataWhitelist = [];
    for (const doc of documents) {
      const folded = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, foldText(doc[field])]));
      this.add({ id: doc.id, ...folded });
    }
  });
  return { version: 1, ids: [...new Set([...ids, ...documents.map((d) => d.id)])], index: index.toJSON() };
}

/** Lower-case, accents removed ("Zürich" ≡ "zurich", "café" ≡ "cafe"), for documents and queries alike. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}
