import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import { readImportFolderPoll } from "./import-folder-poll";

const STATES = ["waiting", "ingested", "moved", "skipped", "failed"] as const;

export type ImportFolderStatus = {
  folder: string;
  move: boolean;
  pollSeconds: number;
  lastPollAt: string | null;
  /** Why the folder could not be read at the last poll (missing, unmounted), or null. */
  error: string | null;
  counts: Record<(typeof STATES)[number], number>;
  /** Files left in place for a reason (skipped: refused type or size; failed: retried later), newest first. */
  problems: { path: string; state: "skipped" | "failed"; reason: string }[];
};

/** The import folder for settings: where, last poll, files per state and the refused ones with reasons. Null when ALBUMS_IMPORT_DIR is unset. */
export async function getImportFolderStatus(db: Db, config: Config, limit = 100): Promise<ImportFolderStatus | null> {
  const settings = config.importFolder;
  if (!settings) return null;
  const folder = settings.dir;
  const [poll, groups, problems] = await Promise.all([
    readImportFolderPoll(db),
    db.importFolderFile.groupBy({ by: ["state"], where: { folder }, _count: { _all: true } }),
    db.importFolderFile.findMany({ where: { folder, state: { in: ["skipped", "failed"] } }, orderBy: { updatedAt: "desc" }, take: limit, select: { path: true, state: true, reason: true } }),
  ]);
  const counts = Object.fromEntries(STATES.map((state) => [state, groups.find((g) => g.state === state)?._count._all ?? 0])) as ImportFolderStatus["counts"];
  const current = poll?.folder === folder ? poll : null;
  return {
    folder, move: settings.move, pollSeconds: settings.pollMs / 1000,
    lastPollAt: current?.at ?? null, error: current?.error ?? null, counts,
    problems: problems.map((p) => ({ path: p.path, state: p.state as "skipped" | "failed", reason: p.reason ?? "" })),
  };
}
