import { z } from "zod";
import type { AssetSummary } from "@/lib/assets/asset-dto";
import { loadAssetSummaries } from "@/lib/assets/load-asset-summaries";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { embedQuery } from "./embed-query";
import { explainMatches } from "./explain-matches";
import { allowedAssets, listFiltered, type SearchFilters } from "./filter-assets";
import { folderEntryNames } from "./folder-entry-names";
import { fuseRankings } from "./fuse-rankings";
import { parseDateWords } from "./parse-date-words";
import type { SearchField } from "./search-document";
import type { Correction } from "./query-segment";
import { indexedFilter, searchText } from "./text-index";
import { nearestVectors, refreshVectors, vectorCount } from "./vector-index";

const day = z.iso.date().transform((d) => new Date(`${d}T00:00:00`));
export const searchQuery = z.object({
  q: z.string().max(500).default(""),
  from: z.union([day, z.iso.datetime({ offset: true }).transform((d) => new Date(d))]).optional(),
  to: z.union([day, z.iso.datetime({ offset: true }).transform((d) => new Date(d))]).optional(),
  kind: z.enum(["photo", "video", "document", "file"]).optional(),
  person: z.string().min(1).max(100).optional(),
  place: z.string().min(1).max(200).optional(),
  album: z.string().min(1).max(100).optional(),
  camera: z.string().min(1).max(100).optional(),
  favorite: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  folder: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().regex(/^\d{1,6}$/, "cursor must come from a previous page").optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

/** Why a hit matched: its place in each ranking, and the query words found per field. */
export type SearchMatch = { score: number; bm25: { rank: number; fields: Partial<Record<SearchField, string[]>> } | null; clip: { rank: number; similarity: number } | null };
export type SearchResult = {
  /** `entryName`: with a `folder` filter, the file's name in the Files tree there. */
  items: (AssetSummary & { entryName?: string; match: SearchMatch | null })[];
  nextCursor: string | null;
  total: number;
  text: string;
  /** Typed words no photo holds, searched as the indexed words close to them ("parkng" → parking). */
  corrections: Correction[];
  dateWords: { words: string; from: string; to: string } | null;
  clip: { used: true; model: string } | { used: false; reason: string };
  tookMs: { total: number; filter: number; bm25: number; clip: number; embed: number; page: number };
};

/** How many CLIP neighbours enter the fusion: beyond this, resemblance is noise. */
const CLIP_DEPTH = 100;
/** Text evidence weighs a little more than resemblance (see fuseRankings). */
const BM25_WEIGHT = 1;
const CLIP_WEIGHT = 0.9;

/**
 * Hybrid search: date words in the query become a date filter, the rest is searched with BM25
 * over every text field and with CLIP (when the worker has a model), both under the same hard
 * filters, and the two rankings are fused (RRF). No words: the filtered assets, newest first.
 */
export async function searchAssets(deps: { db: Db; paths: LibraryPaths; now?: Date }, query: SearchQuery): Promise<SearchResult> {
  const started = performance.now();
  const { text, range } = parseDateWords(query.q, deps.now ?? new Date());
  const filters: SearchFilters = {
    from: query.from ?? range?.from, to: query.to ?? range?.to, kind: query.kind, person: query.person,
    place: query.place, album: query.album, camera: query.camera, favorite: query.favorite, folder: query.folder,
  };
  if (filters.from && filters.to && filters.from >= filters.to) throw new AppError("bad_request", "`from` must be before `to`.");
  const offset = Number(query.cursor ?? 0);
  const timing = { filter: 0, bm25: 0, clip: 0, embed: 0, page: 0 };
  let clip: SearchResult["clip"] = { used: false, reason: "no words to compare" };
  let ranked: { id: string; match: SearchMatch | null }[];
  let total: number;
  let corrections: Correction[] = [];

  if (!text.trim()) {
    const ids = listFiltered(deps.paths.database, filters, offset, query.limit + 1);
    ranked = ids.map((id) => ({ id, match: null }));
    total = offset + ids.length;
  } else {
    let t = performance.now();
    // Kind and dates are answered by the text index, the rest by SQL (see indexedFilter).
    const { kind, from, to, ...inSql } = filters;
    const sqlAllowed = allowedAssets(deps.paths.database, inSql);
    const fixed = indexedFilter(deps.paths.textIndex, { kind, from, to });
    const allowed = fixed ? (id: string) => fixed(id) && sqlAllowed(id) : sqlAllowed;
    timing.filter = performance.now() - t;
    t = performance.now();
    const textRanking = searchText(deps.paths.textIndex, text, allowed);
    corrections = textRanking.corrections;
    timing.bm25 = performance.now() - t;

    refreshVectors(deps.paths.database);
    let clipHits: { assetId: string; score: number }[] = [];
    if (namesFiles(text)) clip = { used: false, reason: "file names are matched by name, not by look" };
    else if (vectorCount(deps.paths.database) === 0) clip = { used: false, reason: "no photo can be compared by look yet: install a CLIP model (Settings, Models)" };
    else {
      t = performance.now();
      const embedded = await embedQuery(deps.paths.mlSocket, text);
      timing.embed = performance.now() - t;
      if ("unavailable" in embedded) clip = { used: false, reason: embedded.unavailable };
      else {
        t = performance.now();
        clipHits = await nearestVectors(deps.paths.database, embedded.model, embedded.vector, CLIP_DEPTH, allowed);
        timing.clip = performance.now() - t;
        clip = { used: true, model: embedded.model };
      }
    }
    // The fused order is exact down to `depth` with only the BM25 top `depth` (anything ranked
    // lower scores less than all of them) plus the true BM25 ranks of the CLIP neighbours.
    t = performance.now();
    const depth = offset + query.limit + 1;
    const textHits = new Map(textRanking.top(depth).map((h) => [h.assetId, h]));
    for (const [id, hit] of textRanking.find(clipHits.map((h) => h.assetId).filter((id) => !textHits.has(id)))) textHits.set(id, hit);
    const similarity = new Map(clipHits.map((h, i) => [h.assetId, { rank: i + 1, similarity: h.score }]));
    const fused = fuseRankings([
      { name: "bm25", entries: [...textHits.values()].map((h) => ({ id: h.assetId, rank: h.rank })), weight: BM25_WEIGHT },
      { name: "clip", entries: clipHits.map((h, i) => ({ id: h.assetId, rank: i + 1 })), weight: CLIP_WEIGHT },
    ]);
    total = textRanking.total + clipHits.filter((h) => !textHits.has(h.assetId)).length;
    timing.bm25 += performance.now() - t;
    const window = fused.slice(offset, offset + query.limit + 1);
    t = performance.now();
    const fields = explainMatches(deps.paths.database, window.flatMap((f) => { const hit = textHits.get(f.id); return hit ? [{ assetId: f.id, terms: hit.matchedTerms() }] : []; }));
    timing.page = performance.now() - t;
    ranked = window.map((f) => {
      const hit = textHits.get(f.id);
      return { id: f.id, match: { score: f.score, bm25: hit ? { rank: hit.rank, fields: fields.get(f.id) ?? {} } : null, clip: similarity.get(f.id) ?? null } };
    });
  }

  const pageStarted = performance.now();
  const page = ranked.slice(0, query.limit);
  const summaries = loadAssetSummaries(deps.paths.database, page.map((r) => r.id));
  const entryNames = query.folder ? folderEntryNames(deps.paths.database, query.folder, page.map((r) => r.id)) : new Map<string, string>();
  timing.page += performance.now() - pageStarted;
  return {
    items: page.flatMap((r) => {
      const summary = summaries.get(r.id);
      const entryName = entryNames.get(r.id);
      return summary ? [{ ...summary, ...(entryName === undefined ? {} : { entryName }), match: r.match }] : [];
    }),
    nextCursor: ranked.length > query.limit ? String(offset + query.limit) : null,
    total,
    text,
    corrections,
    dateWords: range ? { words: range.words, from: range.from.toISOString(), to: range.to.toISOString() } : null,
    clip,
    tookMs: { total: performance.now() - started, ...timing },
  };
}

/**
 * Whether every word of the query is file-name-like ("IMG_5195", "DSCN0010.jpg", "2024-03"): joined by
 * `_` or `.`, or holding a digit. Resemblance cannot find those, and look-alikes would push the
 * named file down the fused ranking.
 */
function namesFiles(text: string): boolean {
  return text.trim().split(/\s+/).every((word) => /[_.\d]/.test(word));
}
