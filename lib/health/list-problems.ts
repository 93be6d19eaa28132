import type { BackupWarning } from "@/lib/backup/get-backup-health";

/** One asset or file a problem is about (a link target in the Health panel). */
export type ProblemItem = { id?: string; name: string; note?: string };

export type ProblemCode =
  | "originals_missing"
  | "originals_corrupt"
  | "originals_unavailable"
  | "volume_unavailable"
  | "quarantined"
  | BackupWarning["code"]
  | "disk_nearly_full"
  | "worker_down"
  | "egress_blocked"
  | "journal_behind";

/** Something the owner should know about: what, how bad, and what to do. */
export type Problem = {
  code: ProblemCode;
  severity: "error" | "warning";
  title: string;
  detail: string;
  action: string;
  /** Up to ITEM_LIMIT examples; `count` says how many there are in all. */
  items: ProblemItem[];
  count: number;
};

/** Everything the health check looks at, gathered by gatherHealthFacts (kept apart so the rules are testable). */
export type HealthFacts = {
  files: Record<(typeof PROBLEM_FILE_STATES)[number], { count: number; items: ProblemItem[] }>;
  /** The originals volume as the last scan saw it (null: not scanned yet). */
  volume: { state: "ok" | "unavailable"; reason: string | null; at: string } | null;
  quarantine: { name: string; reason: string; at: string }[];
  /** What getBackupHealth found wrong with the backups (it holds the backup rules). */
  backup: { warnings: BackupWarning[] };
  disk: { freeBytes: number; totalBytes: number } | null;
  worker: { alive: boolean; lastBeat: string | null };
  egress: { blocked: number; lastBlocked: string | null };
  /** Journal entries the database does not contain (replayed at the next start). */
  journal: { behind: number };
};

export const ITEM_LIMIT = 50;

/** The file states that are a problem (`ok` is not). */
export const PROBLEM_FILE_STATES = ["missing", "corrupt", "unavailable"] as const;

/** What each file state means for the owner (the title follows "N originals"). */
const FILE_PROBLEMS: Record<keyof HealthFacts["files"], Pick<Problem, "title" | "detail" | "action">> = {
  missing: {
    title: "missing from disk",
    detail: "These files are listed in the library but their original is not in originals/. Their rows are kept so nothing else is lost.",
    action: "Put the files back from a backup (npm run restore, or copy them into originals/ under the same name); the next scan marks them present again.",
  },
  corrupt: {
    title: "failed the checksum check",
    detail: "The background scrub re-read these files and their SHA-256 changed (bit rot or a bad disk).",
    action: "Restore these files from a backup and check the disk (smartctl).",
  },
  unavailable: {
    title: "could not be read",
    detail: "Reading these files failed with an I/O or permission error. They are not treated as missing and nothing was deleted.",
    action: "Check the disk (dmesg, smartctl) and the files' permissions; the next scan re-checks them.",
  },
};

const BACKUP_PROBLEMS: Record<BackupWarning["code"], Pick<Problem, "title" | "severity" | "action">> = {
  backup_failed: { severity: "error", title: "The last backup failed", action: "Fix the cause (disk full, target unreachable, wrong password file); the worker retries within the hour." },
  backup_verify_failed: { severity: "error", title: "A backup failed verification", action: "The backup could not be read back intact: check the target's disk, then let the next backup and verification run." },
  backup_none: { severity: "warning", title: "No backup yet", action: "The worker makes the first one on its next maintenance pass; run npm run backup to make one now." },
  backup_stale: { severity: "warning", title: "The last backup is old", action: "Check the worker log for backup errors." },
  backup_same_disk: {
    severity: "warning", title: "No backup off this disk",
    action: "Set ALBUMS_BACKUP_REPOSITORY to a restic repository on another machine of yours, or ALBUMS_BACKUP_DIR to another disk (see the README, \"Backups\").",
  },
};
const GiB = 2 ** 30;

/** How bad the free space is: below 2 % or 1 GiB an error, below 10 % or 5 GiB a warning (also `npm run doctor`'s rule). */
export function diskSeverity(freeBytes: number, totalBytes: number): "error" | "warning" | null {
  const share = freeBytes / totalBytes;
  return share < 0.02 || freeBytes < GiB ? "error" : share < 0.1 || freeBytes < 5 * GiB ? "warning" : null;
}

/**
 * The problems to show in the gallery's banner and the settings' Health panel, worst first.
 * Pure: the thresholds live here (disk below 10 % or 5 GiB free is a warning, below 2 % or
 * 1 GiB an error), except the backup rules, which getBackupHealth applies.
 */
export function listProblems(facts: HealthFacts): Problem[] {
  const problems: Problem[] = [];
  const add = (p: Omit<Problem, "items" | "count"> & { items?: ProblemItem[]; count?: number }) =>
    problems.push({ ...p, items: (p.items ?? []).slice(0, ITEM_LIMIT), count: p.count ?? p.items?.length ?? 1 });

  if (facts.volume?.state === "unavailable") {
    add({
      code: "volume_unavailable", severity: "error", title: "The originals volume cannot be read",
      detail: `The last scan (${facts.volume.at}) could not read the data volume: ${facts.volume.reason ?? "unknown error"}. Nothing was flagged missing or deleted.`,
      action: "Check that the disk is mounted and healthy (dmesg, mount), then wait for the next scan or restart Albums.",
    });
  }
  for (const state of PROBLEM_FILE_STATES) {
    const { count, items } = facts.files[state];
    const { title, detail, action } = FILE_PROBLEMS[state];
    if (count > 0) add({ code: `originals_${state}`, severity: "error", title: `${count} original${plural(count)} ${title}`, detail, action, items, count });
  }
  if (facts.quarantine.length > 0) {
    add({
      code: "quarantined", severity: "warning", title: `${facts.quarantine.length} file${plural(facts.quarantine.length)} in quarantine`,
      detail: "Files found in originals/ without a library entry that could not be added back (unknown type, or bytes that do not match their name). They were moved to data/quarantine/, never deleted.",
      action: "Look at them in data/quarantine/; keep what you need elsewhere, then delete the rest yourself.",
      items: facts.quarantine.map((q) => ({ name: q.name, note: `${q.reason} (${q.at})` })),
    });
  }
  for (const warning of facts.backup.warnings) {
    const { title, severity, action } = BACKUP_PROBLEMS[warning.code];
    add({ code: warning.code, severity, title, detail: warning.message, action });
  }
  if (facts.disk && facts.disk.totalBytes > 0) {
    const { freeBytes, totalBytes } = facts.disk;
    const severity = diskSeverity(freeBytes, totalBytes);
    if (severity) {
      add({
        code: "disk_nearly_full", severity, title: "The library disk is nearly full",
        detail: `${(freeBytes / GiB).toFixed(1)} GiB free of ${(totalBytes / GiB).toFixed(1)} GiB. Uploads are refused when it is full.`,
        action: "Empty the trash, or move the data dir to a bigger disk.",
      });
    }
  }
  if (!facts.worker.alive) {
    add({
      code: "worker_down", severity: "error", title: "The worker is not running",
      detail: facts.worker.lastBeat ? `Its last heartbeat was ${facts.worker.lastBeat}.` : "It has not reported since this library was created.",
      action: "Thumbnails, search, backups and maintenance wait for it. Check the log lines prefixed \"worker |\"; npm start restarts it.",
    });
  }
  if (facts.egress.blocked > 0) {
    add({
      code: "egress_blocked", severity: "warning", title: `${facts.egress.blocked} outbound connection${plural(facts.egress.blocked)} blocked`,
      detail: `Something in Albums tried to reach the internet and was stopped (last: ${facts.egress.lastBlocked ?? "unknown"}). Nothing left the box.`,
      action: "Look for \"egress blocked\" in the log; add a host of your own to ALBUMS_EGRESS_ALLOW only if you meant it.",
    });
  }
  if (facts.journal.behind > 0) {
    add({
      code: "journal_behind", severity: "error", title: "The database is behind the decision journal",
      detail: `${facts.journal.behind} journal entr${facts.journal.behind === 1 ? "y is" : "ies are"} not in the database yet (a change whose save failed, or an older database put back).`,
      action: "Restart Albums: start-up replays the journal. If it keeps failing, check free space and permissions of data/journal/.",
    });
  }
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}
