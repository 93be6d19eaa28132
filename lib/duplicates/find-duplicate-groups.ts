import { readConnection } from "@/lib/server/db";
import { cosineBetween, refreshVectors, similarNeighbours } from "@/lib/search/vector-index";
import { hammingPairs, hashTable } from "./hamming-pairs";

/** pHash bits two copies of one picture may differ by (re-encoded, resized, edited, slightly cropped): up to 11 costs the multi-index lookup no more than 8 (⌊11/4⌋ = 2 bits per band). */
export const HASH_DISTANCE = 11;
/** Tighter for a copy turned by quarter turns (the turned hash is of the same pixels). */
export const TURNED_DISTANCE = 7;
/** CLIP cosine above which photos close in capture order are one picture (bursts, retakes). */
export const NEAR_DUPLICATE_COSINE = 0.95;
/** Hash neighbours whose embeddings are further apart than this are different pictures after all. */
export const CLIP_VETO_COSINE = 0.8;
/** How many photos before and after in capture order the CLIP signal compares a photo with. */
const WINDOW = 25;

export type DuplicateGroup = { assetIds: string[] };

/**
 * Groups of near-duplicate photos (not trashed) across the whole library: photos whose perceptual
 * hashes are within HASH_DISTANCE bits (or a quarter-turned copy within TURNED_DISTANCE), found
 * with a multi-index hash lookup rather than comparing all pairs; when CLIP embeddings exist, they
 * veto hash matches that are different pictures and add bursts close in capture time. Pairs the
 * owner marked "not duplicates" are left out; the rest are joined transitively (union-find).
 * Largest groups first, each in capture order. Exact byte duplicates never reach here. Kept in
 * memory until a photo, hash, embedding or "not duplicates" changes (a page load costs one query).
 */
export function findDuplicateGroups(databasePath: string): DuplicateGroup[] {
  const db = readConnection(databasePath);
  const signature = db
    .prepare(
      `SELECT (SELECT count(*) || ':' || total("trashedAt" IS NULL) || ':' || coalesce(max("updatedAt"), '') FROM "Asset" WHERE "kind" = 'photo')
        || '|' || (SELECT count(*) FROM "AssetHash") || '|' || (SELECT count(*) FROM "NotDuplicate") || '|' || (SELECT coalesce(max("seq"), 0) FROM "Embedding")`,
    )
    .pluck()
    .get() as string;
  const cached = memo.get(databasePath);
  if (cached?.signature === signature) return cached.groups;
  const groups = groupPhotos(databasePath);
  memo.set(databasePath, { signature, groups });
  return groups;
}

// Per database file, on globalThis so every copy of this module in Next's bundles shares it.
const memo: Map<string, { signature: string; groups: DuplicateGroup[] }> = ((globalThis as unknown as { albumsDuplicateGroups?: Map<string, { signature: string; groups: DuplicateGroup[] }> }).albumsDuplicateGroups ??= new Map());

function groupPhotos(databasePath: string): DuplicateGroup[] {
  const db = readConnection(databasePath);
  const photos = db
    .prepare(`SELECT a."id", a."sha256", h."phash", h."turned" FROM "Asset" a LEFT JOIN "AssetHash" h ON h."assetId" = a."id" WHERE a."trashedAt" IS NULL AND a."kind" = 'photo' ORDER BY a."capturedAt", a."id"`)
    .all() as { id: string; sha256: string; phash: string | null; turned: string | null }[];
  const notDuplicates = new Set((db.prepare(`SELECT "shaA" || ' ' || "shaB" FROM "NotDuplicate"`).pluck().all() as string[]));
  const dismissed = (a: number, b: number) => {
    const [x, y] = [photos[a]!.sha256, photos[b]!.sha256].sort();
    return notDuplicates.has(`${x} ${y}`);
  };
  refreshVectors(databasePath);
  const parent = Int32Array.from(photos, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (a: number, b: number) => {
    if (!dismissed(a, b)) parent[root(b)] = root(a);
  };

  const hashed = photos.flatMap((p, row) => (p.phash && p.turned ? [{ row, phash: p.phash, turned: p.turned }] : []));
  const turned = [0, 1, 2].map((t) => hashTable(hashed.map((h) => h.turned.slice(t * 16, t * 16 + 16))));
  for (const [i, j] of hammingPairs(hashTable(hashed.map((h) => h.phash)), HASH_DISTANCE, turned, TURNED_DISTANCE)) {
    const [a, b] = [hashed[i]!.row, hashed[j]!.row];
    const cosine = cosineBetween(databasePath, photos[a]!.id, photos[b]!.id);
    if (cosine === null || cosine >= CLIP_VETO_COSINE) join(a, b);
  }
  const rowOf = new Map(photos.map((p, i) => [p.id, i]));
  for (const [a, b] of similarNeighbours(databasePath, photos.map((p) => p.id), WINDOW, NEAR_DUPLICATE_COSINE)) join(rowOf.get(a)!, rowOf.get(b)!);

  const groups = new Map<number, string[]>();
  photos.forEach((p, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(p.id);
    else groups.set(r, [p.id]);
  });
  return [...groups.values()].filter((ids) => ids.length > 1).map((assetIds) => ({ assetIds })).sort((a, b) => b.assetIds.length - a.assetIds.length);
}
