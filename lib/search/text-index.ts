import fs from "node:fs";
import path from "node:path";
import { ASSET_KINDS, NO_KIND, type TextSegment } from "./build-segment";
import { parseTextQuery, querySegment, segmentHasTerm, type Correction, type SegmentMatches } from "./query-segment";
import { MANIFEST, readManifest, readSegment } from "./text-index-files";

/** One BM25 match: the asset, its score and rank, and (worked out on demand) the index terms of the query it contains, each with the indexed fields (label/content/body) it is in. */
export type TextHit = { assetId: string; score: number; rank: number; matchedTerms: () => Record<string, string[]> };

/**
 * The allowed matches of a query, ranked lazily: a common word matches thousands of photos, and
 * a page needs only its first few ranks (plus the ranks of a few other assets, for fusion).
 */
export type TextRanking = {
  /** How many allowed assets match. */
  total: number;
  /** The best `n` hits, best first (equal scores: the order the segments list them). */
  top: (n: number) => TextHit[];
  /** The hits among these assets, with their ranks among all matches. */
  find: (assetIds: Iterable<string>) => Map<string, TextHit>;
  /** Query words no document holds, searched as the indexed words close to them. */
  corrections: Correction[];
};

/** A segment as loaded, with which of its documents are live (this is the newest segment speaking for them). */
type LoadedSegment = { file: string; segment: TextSegment; live: Uint8Array };
/** Kind and capture time of every indexed asset, from its newest segment. */
type Facts = { rowOf: Map<string, number>; kinds: Uint8Array; times: Float64Array };
type Loaded = { stamp: string; segments: LoadedSegment[]; facts: Facts };

// Per data dir; on globalThis, so every copy of this module in Next's server bundles (routes, and
// instrumentation.ts, which warms it at start) shares what is loaded.
const cache: Map<string, Loaded> = ((globalThis as unknown as { albumsTextIndex?: Map<string, Loaded> }).albumsTextIndex ??= new Map());
const NO_MATCHES: TextRanking = { total: 0, top: () => [], find: () => new Map(), corrections: [] };

/**
 * Searches the published text index of a data dir, among the assets `allow` accepts. The manifest
 * is checked on every call (one stat) and a new one is picked up without a restart; segment files
 * are immutable, so only new ones are read. A hit counts only from the newest segment that speaks
 * for its asset.
 */
export function searchText(dir: string, query: string, allow: (assetId: string) => boolean = () => true): TextRanking {
  const loaded = loadTextIndex(dir);
  const terms = parseTextQuery(query, (term) => loaded?.segments.some(({ segment }) => segmentHasTerm(segment, term)) ?? false);
  if (!loaded || (terms.words.length === 0 && !terms.prefix)) return NO_MATCHES;
  const assetIds: string[] = [];
  const scores: number[] = [];
  const found: { matches: SegmentMatches; doc: number }[] = [];
  for (const { segment, live } of loaded.segments) {
    const matches = querySegment(segment, terms);
    for (const doc of matches.docs) {
      const assetId = segment.ids[doc]!;
      if (!live[doc] || !allow(assetId)) continue;
      assetIds.push(assetId);
      scores.push(matches.scoreOf(doc));
      found.push({ matches, doc });
    }
  }
  // Better score first; equal scores in the order found.
  const before = (a: number, b: number) => scores[b]! - scores[a]! || a - b;
  const hit = (i: number, rank: number): TextHit => ({ assetId: assetIds[i]!, score: scores[i]!, rank, matchedTerms: () => found[i]!.matches.termsOf(found[i]!.doc) });
  return {
    total: assetIds.length,
    corrections: terms.corrections,
    top: (n) => {
      let candidates = assetIds.map((_, i) => i);
      if (n < candidates.length) {
        // Only the hits at or above the n-th best score need sorting.
        const threshold = Float64Array.from(scores).sort()[scores.length - n]!;
        candidates = candidates.filter((i) => scores[i]! >= threshold);
      }
      return candidates.sort(before).slice(0, n).map((i, r) => hit(i, r + 1));
    },
    find: (wanted) => {
      const set = new Set(wanted);
      const hits = new Map<string, TextHit>();
      assetIds.forEach((assetId, i) => {
        if (!set.has(assetId)) return;
        let rank = 1;
        for (let j = 0; j < scores.length; j++) if (before(j, i) < 0) rank++;
        hits.set(assetId, hit(i, rank));
      });
      return hits;
    },
  };
}

/**
 * A test of the filters an asset's index entry answers — kind and capture time, which never change
 * after ingest — or null when none is given. Checked here, a filter most of a library passes (all
 * photos, a decade) costs a lookup per candidate instead of materialising 100k ids in SQL. Assets
 * not indexed yet (the worker indexes within seconds of ingest) pass none.
 */
export function indexedFilter(dir: string, filters: { kind?: string; from?: Date; to?: Date }): ((assetId: string) => boolean) | null {
  const { kind, from, to } = filters;
  if (kind === undefined && from === undefined && to === undefined) return null;
  const facts = loadTextIndex(dir)?.facts;
  const code = kind === undefined ? undefined : ASSET_KINDS.indexOf(kind as (typeof ASSET_KINDS)[number]);
  const [after, before] = [from?.getTime() ?? -Infinity, to?.getTime() ?? Infinity];
  return (assetId) => {
    const row = facts?.rowOf.get(assetId);
    if (row === undefined) return false;
    const time = facts!.times[row]!;
    return (code === undefined || facts!.kinds[row] === code) && time >= after && time < before;
  };
}

/** The published index of a data dir, read or brought up to date (a stat when nothing changed). */
export function loadTextIndex(dir: string): Loaded | null {
  const stat = fs.statSync(path.join(dir, MANIFEST), { throwIfNoEntry: false });
  if (!stat) return null;
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const current = cache.get(dir);
  if (current?.stamp === stamp) return current;
  const manifest = readManifest(dir);
  if (!manifest) return current ?? null;
  const previous = new Map(current?.segments.map((s) => [s.file, s.segment]));
  try {
    const segments = manifest.segments.map(({ file }) => ({ file, segment: previous.get(file) ?? readSegment(dir, file) }));
    const newest = new Map<string, number>();
    segments.forEach(({ segment }, position) => segment.ids.forEach((id) => newest.set(id, position)));
    const facts: Facts = { rowOf: new Map(), kinds: new Uint8Array(newest.size), times: new Float64Array(newest.size) };
    const loaded = {
      stamp,
      segments: segments.map(({ file, segment }, position) => {
        const live = Uint8Array.from(segment.ids, (id) => Number(newest.get(id) === position));
        segment.ids.forEach((id, doc) => {
          if (!live[doc] || segment.kinds[doc] === NO_KIND) return;
          const row = facts.rowOf.size;
          facts.rowOf.set(id, row);
          facts.kinds[row] = segment.kinds[doc]!;
          facts.times[row] = segment.times[doc]!;
        });
        return { file, segment, live };
      }),
      facts,
    };
    cache.set(dir, loaded);
    return loaded;
  } catch {
    // A segment vanished between the manifest read and ours (a merge): keep the previous index.
    return current ?? null;
  }
}
