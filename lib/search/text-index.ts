import fs from "node:fs";
import path from "node:path";
import type { TextSegment } from "./build-segment";
import { parseTextQuery, querySegment } from "./query-segment";
import { MANIFEST, readManifest, readSegment } from "./text-index-files";

/** One BM25 match: the asset, its score, and (worked out on demand) the index terms of the query it contains, each with the indexed fields (label/content/body) it is in. */
export type TextHit = { assetId: string; score: number; matchedTerms: () => Record<string, string[]> };

/** A segment as loaded, with which of its documents are live (this is the newest segment speaking for them). */
type LoadedSegment = { file: string; segment: TextSegment; live: Uint8Array };
type Loaded = { stamp: string; segments: LoadedSegment[]; docs: number };

const cache = new Map<string, Loaded>();

/**
 * Searches the published text index of a data dir. The manifest is checked on every call (one
 * stat) and a new one is picked up without a restart; segment files are immutable, so only new
 * ones are read. A hit counts only from the newest segment that speaks for its asset.
 */
export function searchText(dir: string, query: string): { hits: TextHit[]; docs: number } {
  const loaded = load(dir);
  if (!loaded) return { hits: [], docs: 0 };
  const terms = parseTextQuery(query);
  if (terms.words.length === 0 && !terms.prefix) return { hits: [], docs: loaded.docs };
  const hits: TextHit[] = [];
  for (const { segment, live } of loaded.segments) {
    const { matches, termsOf } = querySegment(segment, terms);
    for (const { doc, score } of matches) if (live[doc]) hits.push({ assetId: segment.ids[doc]!, score, matchedTerms: () => termsOf(doc) });
  }
  hits.sort((a, b) => b.score - a.score);
  return { hits, docs: loaded.docs };
}

function load(dir: string): Loaded | null {
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
    const loaded = {
      stamp,
      segments: segments.map(({ file, segment }, position) => ({ file, segment, live: Uint8Array.from(segment.ids, (id) => Number(newest.get(id) === position)) })),
      docs: newest.size,
    };
    cache.set(dir, loaded);
    return loaded;
  } catch {
    // A segment vanished between the manifest read and ours (a merge): keep the previous index.
    return current ?? null;
  }
}
