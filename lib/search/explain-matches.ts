import { indexTerms } from "./build-segment";
import { loadSearchDocuments, SEARCH_FIELDS, type SearchField } from "./search-document";

/**
 * For the hits on one page: which of the matched index terms occur in which source field (file
 * name, caption, OCR text, place, album, people…), read from the current text of those assets.
 */
export function explainMatches(databasePath: string, hits: { assetId: string; terms: string[] }[]): Map<string, Partial<Record<SearchField, string[]>>> {
  const documents = loadSearchDocuments(databasePath, hits.map((h) => h.assetId));
  const terms = new Map(hits.map((h) => [h.assetId, h.terms]));
  return new Map(
    documents.map((doc) => {
      const fields: Partial<Record<SearchField, string[]>> = {};
      for (const field of SEARCH_FIELDS) {
        if (!doc[field]) continue;
        const present = indexTerms(doc[field]);
        const found = (terms.get(doc.id) ?? []).filter((term) => present.has(term));
        if (found.length > 0) fields[field] = found;
      }
      return [doc.id, fields];
    }),
  );
}
