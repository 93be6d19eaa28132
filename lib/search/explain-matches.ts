import { INDEX_FIELDS, indexTerms } from "./build-segment";
import { loadSearchDocuments, SEARCH_FIELDS, type SearchField } from "./search-document";

const INDEX_FIELD_OF = Object.fromEntries(Object.entries(INDEX_FIELDS).flatMap(([indexed, { sources }]) => sources.map((source) => [source, indexed]))) as Record<SearchField, string>;

/**
 * For the hits on one page: which of the matched index terms occur in which source field (file
 * name, caption, OCR text, place, album, people…), read from the current text of those assets.
 */
export function explainMatches(databasePath: string, hits: { assetId: string; terms: Record<string, string[]> }[]): Map<string, Partial<Record<SearchField, string[]>>> {
  const documents = loadSearchDocuments(databasePath, hits.map((h) => h.assetId));
  const terms = new Map(hits.map((h) => [h.assetId, Object.entries(h.terms)]));
  return new Map(
    documents.map((doc) => {
      const fields: Partial<Record<SearchField, string[]>> = {};
      for (const field of SEARCH_FIELDS) {
        // Only the sources of the indexed field a term matched in are read (a long document body
        // is not re-tokenised when the words were in the file name).
        const candidates = (terms.get(doc.id) ?? []).filter(([, indexed]) => indexed.includes(INDEX_FIELD_OF[field])).map(([term]) => term);
        if (!doc[field] || candidates.length === 0) continue;
        const present = indexTerms(doc[field]);
        const found = candidates.filter((term) => present.has(term));
        if (found.length > 0) fields[field] = found;
      }
      return [doc.id, fields];
    }),
  );
}
