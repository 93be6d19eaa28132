import fs from "node:fs";
import path from "node:path";
import lunr from "lunr";
import { foldText, type SegmentData } from "./build-segment";
import { MANIFEST, readManifest, readSegment } from "./text-index-files";

/** One BM25 match: the asset, its lunr score, and the index terms of the query it contains, each with the indexed fields (label/content/body) it is in. */
export type TextHit = { assetId: string; score: number; terms: Record<string, string[]> };

type LoadedSegment = { file: string; index: lunr.Index; ids: string[] };
type Loaded = { stamp: string; segments: LoadedSegment[]; newest: Map<string, number>; docs: number };

const cache = new Map<string, Loaded>();

/**
 * Searches the published text index of a data dir. The manifest is checked on every call (one
 * stat) and a new one is picked up without a restart; segment files are immutable, so only new
 * ones are read. A hit counts only from the newest segment that speaks for its asset.
 */
export function searchText(dir: string, query: string): { hits: TextHit[]; docs: number } {
  const loaded = load(dir);
  if (!loaded) return { hits: [], docs: 0 };
  const terms = lunr.tokenizer(foldText(query)).map((t) => t.toString()).filter(Boolean);
  if (terms.length === 0) return { hits: [], docs: loaded.docs };
  const hits: TextHit[] = [];
  loaded.segments.forEach((segment, position) => {
    const results = segment.index.query((q) => {
      terms.forEach((term, i) => {
        q.term(term, { presence: lunr.Query.presence.OPTIONAL });
        // The last word may still be being typed: a prefix match, worth less than a whole word.
        if (i === terms.length - 1 && term.length >= 2) q.term(term, { wildcard: lunr.Query.wildcard.TRAILING, boost: 0.3, usePipeline: false });
      });
    });
    for (const result of results) {
      if (loaded.newest.get(result.ref) !== position) continue;
      hits.push({ assetId: result.ref, score: result.score, terms: Object.fromEntries(Object.entries(result.matchData.metadata).map(([term, fields]) => [term, Object.keys(fields)])) });
    }
  });
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
  const previous = new Map(current?.segments.map((s) => [s.file, s]));
  try {
    const segments = manifest.segments.map(({ file }) => previous.get(file) ?? open(dir, file));
    const newest = new Map<string, number>();
    segments.forEach((segment, position) => segment.ids.forEach((id) => newest.set(id, position)));
    const loaded = { stamp, segments, newest, docs: newest.size };
    cache.set(dir, loaded);
    return loaded;
  } catch {
    // A segment vanished between the manifest read and ours (a merge): keep the previous index.
    return current ?? null;
  }
}

function open(dir: string, file: string): LoadedSegment {
  const data: SegmentData = readSegment(dir, file);
  return { file, index: lunr.Index.load(data.index), ids: data.ids };
}
