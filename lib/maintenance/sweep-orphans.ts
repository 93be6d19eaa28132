import fsp from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/server/db";
import { checkLibraryVolume } from "@/lib/server/open-library";
import { findOrphans } from "./find-orphans";
import type { LibraryPaths } from "@/lib/server/paths";

const STATE_KEY = "maintenance.orphans";

export type SweepResult =
  | { state: "cancelled"; reason: string }
  | { state: "swept"; candidates: number; deleted: string[] };

type SweepState = { at: string; candidates: string[] };

/**
 * Orphan sweep with two-tick consensus. An orphan is an original with no row, or a derived folder
 * of no known original. It is deleted only when this pass and the previous pass (at least
 * `minGapMs` earlier) both saw it; anything odd (volume marker wrong, originals folder empty while
 * rows exist, an implausible number of orphans) cancels every pending delete.
 */
export async function sweepOrphans(db: Db, paths: LibraryPaths, options: { minGapMs?: number; now?: Date } = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const minGapMs = options.minGapMs ?? 5 * 60_000;
  const cancel = async (reason: string): Promise<SweepResult> => {
    await saveState(db, { at: now.toISOString(), candidates: [] });
    return { state: "cancelled", reason };
  };
  try {
    checkLibraryVolume(paths);
  } catch (error) {
    return cancel((error as Error).message);
  }
  const scan = await findOrphans(db, paths);
  if (scan.assets > 0 && scan.originalFiles === 0) return cancel("the originals folder is empty but the database lists originals");
  const orphans = scan.orphans.map((p) => path.relative(paths.root, p));
  if (orphans.length > Math.max(50, scan.assets / 10)) return cancel(`${orphans.length} orphans is implausibly many; not deleting anything`);
  const previous = await loadState(db);
  // Too soon after the previous pass to count as the next one: wait, change nothing.
  if (previous && now.getTime() - new Date(previous.at).getTime() < minGapMs) return { state: "swept", candidates: previous.candidates.length, deleted: [] };
  const confirmed = new Set(previous?.candidates ?? []);
  const deleted: string[] = [];
  for (const rel of orphans) {
    if (!confirmed.has(rel)) continue;
    await fsp.rm(path.join(paths.root, rel), { recursive: true, force: true });
    deleted.push(rel);
  }
  const pending = orphans.filter((rel) => !confirmed.has(rel));
  await saveState(db, { at: now.toISOString(), candidates: pending });
  return { state: "swept", candidates: pending.length, deleted };
}

async function loadState(db: Db): Promise<SweepState | null> {
  const row = await db.setting.findUnique({ where: { key: STATE_KEY } });
  return row ? (JSON.parse(row.value) as SweepState) : null;
}

async function saveState(db: Db, state: SweepState): Promise<void> {
  const value = JSON.stringify(state);
  await db.setting.upsert({ where: { key: STATE_KEY }, create: { key: STATE_KEY, value }, update: { value } });
}
