import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { buildSegment } from "./build-segment";
import { loadSearchDocuments, type SearchDocument } from "./search-document";
import { encodeSegment, MANIFEST, readManifest, readSegmentIds, removeUnlisted, type TextIndexManifest, writeAtomically } from "./text-index-files";

export type TextIndexUpdate = { action: "none" | "delta" | "merge" | "rebuild"; docs: number; segments: number; ms: number };
export type TextIndexPolicy = { maxDeltas: number; rebuildRatio: number; batch: number; segmentDocs: number };

/**
 * At most 6 delta segments after the base ones; rebuild once deltas hold a quarter of the base.
 * Documents are read 2,000 at a time; a base segment holds at most 100k documents, so a build's
 * postings stay bounded (a 100k-document build: 4.5 s, worker RSS ~390 MiB at the peak, bench:search).
 */
export const DEFAULT_POLICY: TextIndexPolicy = { maxDeltas: 6, rebuildRatio: 0.25, batch: 2000, segmentDocs: 100_000 };

/**
 * Folds the change feed into the on-disk text index (run by the worker every few seconds). lunr
 * indexes are immutable, so changes become a small new delta segment; a newer segment speaks for
 * its assets over older ones. Too many deltas are merged into one; deltas worth a quarter of the
 * base (or a missing file) trigger a full rebuild into base segments of bounded size. The manifest
 * is replaced atomically, so the server always reads a complete index, and the feed is pruned only
 * after it was published.
 */
export async function updateTextIndex({ db, paths }: { db: Db; paths: LibraryPaths }, policy: TextIndexPolicy = DEFAULT_POLICY): Promise<TextIndexUpdate> {
  const dir = paths.textIndex;
  const source = { db, databasePath: paths.database, dir };
  const started = Date.now();
  const top = (await db.searchChange.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  let manifest = readManifest(dir);
  const intact = manifest !== null && manifest.bases > 0 && manifest.segments.every((s) => fs.existsSync(path.join(dir, s.file)));
  if (manifest && intact && top <= manifest.seq) return { action: "none", docs: 0, segments: manifest.segments.length, ms: 0 };

  let action: TextIndexUpdate["action"];
  let docs: number;
  if (!manifest || !intact) {
    action = "rebuild";
    manifest = await rebuild(source, top, policy);
    docs = manifest.segments.reduce((sum, s) => sum + s.docs, 0);
  } else {
    const changed = (await db.searchChange.findMany({ where: { seq: { gt: manifest.seq, lte: top } }, select: { assetId: true }, distinct: ["assetId"] })).map((c) => c.assetId);
    const bases = manifest.segments.slice(0, manifest.bases);
    const deltas = manifest.segments.slice(manifest.bases);
    const baseDocs = bases.reduce((sum, s) => sum + s.docs, 0);
    const deltaDocs = deltas.reduce((sum, s) => sum + s.docs, 0) + changed.length;
    docs = changed.length;
    if (deltaDocs > policy.rebuildRatio * baseDocs) {
      action = "rebuild";
      manifest = await rebuild(source, top, policy);
    } else if (deltas.length + 1 > policy.maxDeltas) {
      action = "merge";
      const ids = new Set([...deltas.flatMap((s) => readSegmentIds(dir, s.file)), ...changed]);
      manifest = { ...manifest, seq: top, segments: [...bases, ...writeSegments(source, [...ids], policy)] };
    } else {
      action = "delta";
      manifest = { ...manifest, seq: top, segments: [...manifest.segments, ...writeSegments(source, changed, policy)] };
    }
  }
  manifest.builtAt = new Date().toISOString();
  writeAtomically(dir, MANIFEST, JSON.stringify(manifest));
  removeUnlisted(dir, manifest);
  await db.searchChange.deleteMany({ where: { seq: { lte: top } } });
  return { action, docs, segments: manifest.segments.length, ms: Date.now() - started };
}

type Source = { db: Db; databasePath: string; dir: string };

async function rebuild(source: Source, seq: number, policy: TextIndexPolicy): Promise<TextIndexManifest> {
  const ids = (await source.db.asset.findMany({ select: { id: true }, orderBy: { capturedAt: "asc" } })).map((a) => a.id);
  const segments = writeSegments(source, ids, policy);
  return { version: 2, seq, bases: segments.length, segments, builtAt: "" };
}

/** Writes the documents of `ids` as segments of at most `segmentDocs` each (one, for a delta). */
function writeSegments({ databasePath, dir }: Source, ids: string[], policy: TextIndexPolicy): { file: string; docs: number }[] {
  const segments = [];
  for (let start = 0; start < Math.max(ids.length, 1); start += policy.segmentDocs) {
    const chunk = ids.slice(start, start + policy.segmentDocs);
    const file = `segment-${Date.now()}-${randomBytes(4).toString("hex")}.bin`;
    writeAtomically(dir, file, encodeSegment(buildSegment(readInBatches(databasePath, chunk, policy.batch), chunk)));
    segments.push({ file, docs: chunk.length });
  }
  return segments;
}

function* readInBatches(databasePath: string, ids: string[], batch: number): Generator<SearchDocument> {
  for (let i = 0; i < ids.length; i += batch) yield* loadSearchDocuments(databasePath, ids.slice(i, i + batch));
}
