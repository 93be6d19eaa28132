import fs from "node:fs/promises";
import { getBackupHealth } from "@/lib/backup/get-backup-health";
import type { Config } from "@/lib/config";
import { listQuarantine } from "@/lib/custody/list-quarantine";
import { readJournalStatus } from "@/lib/journal/read-journal-status";
import { readScanStatus } from "@/lib/maintenance/read-scan-status";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { ITEM_LIMIT, PROBLEM_FILE_STATES, type HealthFacts, type ProblemItem } from "./list-problems";
import { readWorkerState } from "./read-worker-state";

/**
 * Reads what listProblems judges: originals by file state (counts and the first items, from the
 * index — no disk walk), the volume as the last missing-file scan found it, the files in quarantine, the disk's free space, the worker's heartbeat and egress counters (server
 * and worker), and what getBackupHealth finds wrong with the backups, and journal entries the database lacks.
 */
export async function gatherHealthFacts(deps: { db: Db; paths: LibraryPaths; config: Config }, now = new Date()): Promise<HealthFacts> {
  const { db, paths } = deps;
  const [files, workerState, backup, disk, scan, journal, quarantine] = await Promise.all([
    Promise.all(PROBLEM_FILE_STATES.map((state) => filesIn(db, state))),
    readWorkerState(db, now),
    getBackupHealth(deps, now),
    fs.statfs(paths.root).then((s) => ({ freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize }), () => null),
    readScanStatus(db),
    readJournalStatus(db, paths.database),
    listQuarantine(paths),
  ]);
  return {
    files: { missing: files[0]!, corrupt: files[1]!, unavailable: files[2]! },
    volume: scan ? { state: scan.volume, reason: scan.reason, at: scan.at } : null,
    quarantine,
    backup: { warnings: backup.warnings },
    disk,
    ...workerState,
    journal,
  };
}

async function filesIn(db: Db, fileState: (typeof PROBLEM_FILE_STATES)[number]): Promise<{ count: number; items: ProblemItem[] }> {
  const [count, rows] = await Promise.all([
    db.asset.count({ where: { fileState } }),
    db.asset.findMany({ where: { fileState }, select: { id: true, originalName: true }, orderBy: { capturedAt: "desc" }, take: ITEM_LIMIT }),
  ]);
  return { count, items: rows.map((r) => ({ id: r.id, name: r.originalName })) };
}
