import lunr from "lunr";
import type { SearchDocument, SearchField } from "./search-document";

/**
 * The indexed fields and their weights: what names the photo (file name, the owner's words, album,
 * people, place) outranks what was read or guessed from its pixels, which outranks a document's
 * body. Which source of a field matched is worked out afterwards for the page shown (explainMatches).
 */
export const INDEX_FIELDS: Record<string, { boost: number; sources: SearchField[] }> = {
  label: { boost: 3, sources: ["name", "description", "album", "people", "place"] },
  content: { boost: 1.5, sources: ["caption", "ocr", "camera"] },
  body: { boost: 1, sources: ["text"] },
};
const FIELDS = Object.keys(INDEX_FIELDS);

/**
 * One immutable text-index segment: lunr's BM25 model of some documents, stored flat. lunr's own
 * index objects (a vector per document field, an inverted index of nested objects, a token trie)
 * cost ~11 KB of heap per document — 1.1 GiB at 100k; these arrays hold the same weights in ~100
 * bytes per document. Document i is `ids[i]`; the postings of term `terms[t]` (sorted) in field f
 * are `docs`/`weights` from `starts[t * fields.length + f]` up to the next start, in document order;
 * `kinds[i]` and `times[i]` are the asset kind (an index into ASSET_KINDS) and capture time (ms)
 * of document i.
 * `ids` also lists assets with nothing left to index (deleted, emptied): the segment still speaks
 * for them, so their text in older segments stops matching.
 */
export type TextSegment = { ids: string[]; kinds: Uint8Array; times: Float64Array; fields: string[]; terms: string[]; starts: Uint32Array; docs: Uint32Array; weights: Float32Array };

/** Asset kinds as coded in `kinds` (an asset's kind never changes); NO_KIND for ids with nothing indexed. */
export const ASSET_KINDS = ["photo", "video", "document", "file"] as const;
export const NO_KIND = 255;

// lunr.Builder's BM25 parameters and analysis: trim, drop stop words, stem.
const K1 = 1.2;
const B = 0.75;
const analysis = new lunr.Pipeline();
analysis.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);

/**
 * Builds one segment from a stream of documents (read in batches: only the postings stay in
 * memory). Each weight is what lunr.Builder puts in its field vectors — idf (lunr.idf, over this
 * segment) × saturated term frequency × length norm × field boost, rounded to 3 decimals — so a
 * query scores a document exactly as lunr.Index would (build-segment.test.ts compares the two).
 */
export function buildSegment(documents: Iterable<SearchDocument>, ids: string[]): TextSegment {
  const F = FIELDS.length;
  const boosts = FIELDS.map((field) => INDEX_FIELDS[field]!.boost);
  const termNumber = new Map<string, number>();
  const termNames: string[] = [];
  const triples = { term: new GrowableUint32(), doc: new GrowableUint32(), field: new GrowableUint32(), tf: new GrowableUint32() };
  const lengths = new GrowableUint32();
  const lengthSums = new Float64Array(F);
  const docIds: string[] = [];
  const kinds: number[] = [];
  const times: number[] = [];

  for (const document of documents) {
    const doc = docIds.push(document.id) - 1;
    kinds.push(kindCode(document.kind));
    times.push(document.capturedAt);
    FIELDS.forEach((field, f) => {
      const tokens = analysis.run(lunr.tokenizer(foldText(INDEX_FIELDS[field]!.sources.map((source) => document[source]).join("\n"))));
      lengths.push(tokens.length);
      lengthSums[f]! += tokens.length;
      const frequencies = new Map<string, number>();
      for (const token of tokens) frequencies.set(token.toString(), (frequencies.get(token.toString()) ?? 0) + 1);
      for (const [term, tf] of frequencies) {
        let t = termNumber.get(term);
        if (t === undefined) termNumber.set(term, (t = termNames.push(term) - 1));
        triples.term.push(t);
        triples.doc.push(doc);
        triples.field.push(f);
        triples.tf.push(tf);
      }
    });
  }

  const documentCount = docIds.length;
  const averageLength = Array.from(lengthSums, (sum) => sum / documentCount);
  // lunr.idf counts a document once per field the term is in.
  const fieldPostings = new Uint32Array(termNames.length);
  for (let i = 0; i < triples.term.length; i++) fieldPostings[triples.term.at(i)]! += 1;
  const idf = Float64Array.from(fieldPostings, (n) => Math.log(1 + Math.abs((documentCount - n + 0.5) / (n + 0.5))));

  const order = termNames.map((_, t) => t).sort((a, b) => (termNames[a]! < termNames[b]! ? -1 : 1));
  const rank = new Uint32Array(termNames.length);
  order.forEach((t, r) => (rank[t] = r));
  const starts = new Uint32Array(termNames.length * F + 1);
  for (let i = 0; i < triples.term.length; i++) starts[rank[triples.term.at(i)]! * F + triples.field.at(i) + 1]! += 1;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const next = starts.slice(0, -1);
  const docs = new Uint32Array(triples.term.length);
  const weights = new Float32Array(triples.term.length);
  for (let i = 0; i < triples.term.length; i++) {
    const [t, doc, f, tf] = [triples.term.at(i), triples.doc.at(i), triples.field.at(i), triples.tf.at(i)];
    const length = lengths.at(doc * F + f);
    // lunr.Builder#createFieldVectors, operation for operation.
    let score = (idf[t]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / averageLength[f]!)) + tf);
    score *= boosts[f]!;
    const slot = next[rank[t]! * F + f]!++;
    docs[slot] = doc;
    weights[slot] = Math.round(score * 1000) / 1000;
  }
  const indexed = new Set(docIds);
  const unindexed = [...new Set(ids.filter((id) => !indexed.has(id)))];
  return { ids: [...docIds, ...unindexed], kinds: Uint8Array.from([...kinds, ...unindexed.map(() => NO_KIND)]), times: Float64Array.from([...times, ...unindexed.map(() => NaN)]), fields: FIELDS, terms: order.map((t) => termNames[t]!), starts, docs, weights };
}

function kindCode(kind: string): number {
  const code = (ASSET_KINDS as readonly string[]).indexOf(kind);
  return code < 0 ? NO_KIND : code;
}

/** A Uint32 list that grows by doubling (the postings of a 100k-document segment are millions long). */
class GrowableUint32 {
  private data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(i: number): number {
    return this.data[i]!;
  }
}

/** Lower-case, accents removed ("Zürich" ≡ "zurich", "café" ≡ "cafe"), for documents and queries alike. */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** The index terms of a text, exactly as a segment stores them (folded, tokenized, trimmed, stemmed). */
export function indexTerms(text: string): Set<string> {
  return new Set(analysis.run(lunr.tokenizer(foldText(text))).map((token) => token.toString()));
}
