// lunr.Index, built and queried as Albums' text index did before it stored segments flat: the
// reference the flat segments are checked against (build-segment.test.ts) and the bare-lunr
// baseline of bench:search.
import lunr from "lunr";
import { foldText, INDEX_FIELDS } from "@/lib/search/build-segment";
import type { SearchDocument } from "@/lib/search/search-document";

export function buildLunrIndex(documents: SearchDocument[]): lunr.Index {
  return lunr(function () {
    this.ref("id");
    for (const [field, { boost }] of Object.entries(INDEX_FIELDS)) this.field(field, { boost });
    this.metadataWhitelist = [];
    for (const doc of documents) {
      this.add({ id: doc.id, ...Object.fromEntries(Object.entries(INDEX_FIELDS).map(([field, { sources }]) => [field, foldText(sources.map((s) => doc[s]).join("\n"))])) });
    }
  });
}

/** Every word as an optional term, and the last one also as a prefix worth 0.3. */
export function queryLunr(index: lunr.Index, query: string): lunr.Index.Result[] {
  const terms = lunr.tokenizer(foldText(query)).map((t) => t.toString()).filter(Boolean);
  return index.query((q) =>
    terms.forEach((term, i) => {
      q.term(term, { presence: lunr.Query.presence.OPTIONAL });
      if (i === terms.length - 1 && term.length >= 2) q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, boost: 0.3, usePipeline: false });
    }),
  );
}
