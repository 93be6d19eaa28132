import lunr from "lunr";
import { foldText, type TextSegment } from "./build-segment";
import { spellingVariants } from "./spelling-variants";

/** A query word the index does not hold, searched as the indexed words one letter away from it. */
export type Correction = { typed: string; closeTo: string[]; terms: string[] };
/**
 * A query's index terms: every word stemmed, and the last word as typed, which may be the start of
 * a longer word; `corrections` says which typed words were replaced by indexed words close to them.
 */
export type TextQuery = { words: string[]; prefix: string | null; corrections: Correction[] };

/** The last word's prefix matches count for less than whole words (it may still be being typed). */
const PREFIX_BOOST = 0.3;
const stemming = new lunr.Pipeline();
stemming.add(lunr.stemmer);
const stopWords = new lunr.Pipeline();
stopWords.add(lunr.stopWordFilter);

/**
 * Splits a query as lunr's tokenizer does (folded); words are stemmed like indexed text, the prefix
 * is not. A word joined by `_` or `.` (a file name: "IMG_5195", "DSCN0010.jpg") also stands for its
 * parts, which is how file names are indexed, and the last part is the prefix. With `isIndexed`, a
 * word of five letters or more that no document holds is replaced by the indexed words one edit
 * away ("parkng" → parking), so an exact word is never outranked by a correction.
 */
export function parseTextQuery(query: string, isIndexed?: (term: string) => boolean): TextQuery {
  const tokens = lunr.tokenizer(foldText(query)).map((token) => token.toString()).filter(Boolean);
  const corrections: Correction[] = [];
  const words = tokens.flatMap((token) => {
    const parts = token.split(/[_.]+/).filter(Boolean);
    return [token, ...(parts.length > 1 ? parts : [])].flatMap((word) => {
      const stems = stemming.runString(word);
      if (!isIndexed || stems.some(isIndexed) || stopWords.runString(word).length === 0) return stems;
      const close = closeIndexedWords(word, isIndexed);
      if (close.size === 0) return stems;
      corrections.push({ typed: word, closeTo: [...new Set(close.values())], terms: [...close.keys()] });
      return [...close.keys()];
    });
  });
  const last = tokens.at(-1)?.split(/[_.]+/).filter(Boolean).at(-1);
  return { words, prefix: last && last.length >= 2 ? last : null, corrections };
}

/** The index terms one edit from `word`, each with the first spelling that reached it (shown as "close to …"). */
function closeIndexedWords(word: string, isIndexed: (term: string) => boolean): Map<string, string> {
  const close = new Map<string, string>();
  for (const variant of spellingVariants(word)) {
    for (const stem of stemming.runString(variant)) if (!close.has(stem) && isIndexed(stem)) close.set(stem, variant);
  }
  return close;
}

export type SegmentMatches = {
  /** Every document with a query term in any field, unsorted. */
  docs: number[];
  scoreOf: (doc: number) => number;
  /** The segment's terms the query reached in a document, each with the fields it is in there. */
  termsOf: (doc: number) => Record<string, string[]>;
};

/**
 * Scores one segment as lunr.Index#query scores a query of optional terms (each word, plus the
 * last word with a trailing wildcard): the query vector holds every segment term the query reaches
 * (boosts of a term reached twice add up), and a document's score is the dot product of that vector
 * with its field weights, over the vector's length. Only the postings of those terms are read.
 */
export function querySegment(segment: TextSegment, query: TextQuery): SegmentMatches {
  const boosts = new Map<number, number>();
  const reach = (t: number, boost: number) => boosts.set(t, (boosts.get(t) ?? 0) + boost);
  for (const word of query.words) {
    const t = lowerBound(segment.terms, word);
    if (segment.terms[t] === word) reach(t, 1);
  }
  if (query.prefix) for (let t = lowerBound(segment.terms, query.prefix); segment.terms[t]?.startsWith(query.prefix); t++) reach(t, PREFIX_BOOST);

  const F = segment.fields.length;
  const magnitude = Math.sqrt([...boosts.values()].reduce((sum, b) => sum + b * b, 0));
  const sums = new Float64Array(segment.ids.length);
  const seen = new Uint8Array(segment.ids.length);
  const touched: number[] = [];
  for (const [t, boost] of boosts) {
    for (let p = segment.starts[t * F]!, end = segment.starts[(t + 1) * F]!; p < end; p++) {
      const doc = segment.docs[p]!;
      if (!seen[doc]) {
        seen[doc] = 1;
        touched.push(doc);
      }
      sums[doc]! += boost * segment.weights[p]!;
    }
  }
  return {
    docs: touched,
    scoreOf: (doc) => sums[doc]! / magnitude || 0,
    termsOf: (doc) => {
      const terms: Record<string, string[]> = {};
      for (const t of boosts.keys()) {
        const fields = segment.fields.filter((_, f) => hasPosting(segment, t * F + f, doc));
        if (fields.length > 0) terms[segment.terms[t]!] = fields;
      }
      return terms;
    },
  };
}

/** Whether the segment holds `term` in any field. */
export function segmentHasTerm(segment: TextSegment, term: string): boolean {
  return segment.terms[lowerBound(segment.terms, term)] === term;
}

/** Whether bucket `k` (a term in a field) lists `doc`: a binary search, postings being in document order. */
function hasPosting(segment: TextSegment, k: number, doc: number): boolean {
  let lo = segment.starts[k]!;
  let hi = segment.starts[k + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segment.docs[mid]! < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < segment.starts[k + 1]! && segment.docs[lo] === doc;
}

/** The first position in sorted `values` not below `value`. */
function lowerBound(values: string[], value: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
