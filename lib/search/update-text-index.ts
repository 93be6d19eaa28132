import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { buildSegment } from "./build-segment";
import { loadSearchDocuments } from "./search-document";
import { MANIFEST, readManifest, readSegment, removeUnlisted, type TextIndexManifest, writeAtomically } from "./text-index-files";

export type TextIndexUpdate = { action: "none" | "delta" | "merge" | "rebuild"; docs: number; segments: number; ms: number };
export type TextIndexPolicy = { maxDeltas: number; rebuildRatio: number; batch: number };

/** At most 6 delta segments beside the base; rebuild the base once deltas hold a quarter of it. */
export const DEFAULT_POLICY: TextIndexPolicy = { maxDeltas: 6, rebuildRatio: 0.25, batch: 2000 };

/**
 * Folds the change feed into the on-disk text index (run by the worker every few seconds). lunr
 * indexes are immutable, so changes become a small new delta segment; a newer segment speaks for
 * its assets over older ones. Too many deltas are merged into one; deltas worth a quarter of the
 * base (or a missing/corrupt file) trigger a full rebuild. The manifest is replaced atomically, so
 * the server always reads a complete index, and the feed is pruned only after it was published.
 */
export async function updateTextIndex(db: Db, dir: string, policy: TextIndexPolicy = DEFAULT_POLICY): Promise<TextIndexUpdate> {
  const started = Date.now();
  const top = (await db.searchChange.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  let manifest = readManifest(dir);
  const intact = manifest !== null && manifest.segments.every((s) => fs.existsSync(path.join(dir, s.file)));
  if (manifest && intact && top <= manifest.seq) return { action: "none", docs: 0, segments: manifest.segments.length, ms: 0 };

  let action: TextIndexUpdate["action"];
  let docs: number;
  if (!manifest || !intact) {
    action = "rebuild";
    manifest = await rebuild(db, dir, top, policy);
    docs = manifest.segments[0]!.docs;
  } else {
    const changed = (await db.searchChange.findMany({ where: { seq: { gt: manifest.seq, lte: top } }, select: { assetId: true }, distinct: ["assetId"] })).map((c) => c.assetId);
    const [base, ...deltas] = manifest.segments;
    const deltaDocs = deltas.reduce((sum, s) => sum + s.docs, 0) + changed.length;
    docs = changed.length;
    if (deltaDocs > policy.rebuildRatio * (base?.docs ?? 0)) {
      action = "rebuild";
      manifest = await rebuild(db, dir, top, policy);
    } else if (deltas.length + 1 > policy.maxDeltas) {
      action = "merge";
      const ids = new Set([...deltas.flatMap((s) => readSegment(dir, s.file).ids), ...changed]);
      manifest = { ...manifest, seq: top, segments: [base!, await writeSegment(db, dir, [...ids], policy)] };
    } else {
      action = "delta";
      manifest = { ...manifest, seq: top, segments: [...manifest.segments, await writeSegment(db, dir, changed, policy)] };
    }
  }
  manifest.builtAt = new Date().toISOString();
  writeAtomically(dir, MANIFEST, JSON.stringify(manifest));
  removeUnlisted(dir, manifest);
  await db.searchChange.deleteMany({ where: { seq: { lte: top } } });
  return { action, docs, segments: manifest.segments.length, ms: Date.now() - started };
}

async function rebuild(db: Db, dir: string, seq: number, policy: TextIndexPolicy): Promise<TextIndexManifest> {
  const ids = (await db.asset.findMany({ select: { id: true } })).map((a) => a.id);
  return { version: 1, seq, segments: [await writeSegment(db, dir, ids, policy)], builtAt: "" };
}

async function writeSegment(db: Db, dir: string, ids: string[], policy: TextIndexPolicy): Promise<{ file: string; docs: number }> {
  const documents = [];
  for (let i = 0; i < ids.length; i += policy.batch) documents.push(...(await loadSearchDocuments(db, ids.slice(i, i + policy.batch))));
  const file = `segment-${Date.now()}-${randomBytes(4).toString("hex")}.json`;
  writeAtomically(dir, file, JSON.stringify(buildSegment(documents, ids)));
  return { file, docs: ids.length };
}
