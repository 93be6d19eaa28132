import type { OffDiskCoverage } from "@/lib/backup/read-off-disk-coverage";
import type { TakeoutReport } from "./build-report";

/** The custody half of the verdict: how many of the run's originals a verified off-disk backup holds. */
export type CustodyCheck = { originals: number; backedUp: number; notBackedUp: number; verifiedAt: string | null; targets: string[] };

/**
 * Completes a report's verdict with custody (RELIABILITY scenario 27): "safe to delete from
 * Google" needs the import accounted for *and* every original it brought in (imported or already
 * in the library) in a verified backup off this disk. Otherwise the blockers say exactly what is
 * missing. Pure; called whenever a report is shown, since backups land after the import.
 */
export function applyCustodyVerdict(report: TakeoutReport, coverage: OffDiskCoverage): TakeoutReport {
  // Reports stored before custody was part of the verdict have only `blockers`.
  const importBlockers = report.importBlockers ?? report.blockers;
  const originals = [...new Set(report.items.filter((i) => (i.status === "imported" || i.status === "duplicate") && i.sha256).map((i) => i.sha256!))];
  const notBackedUp = originals.filter((sha256) => !coverage.covered.has(sha256)).length;
  const custody: CustodyCheck = { originals: originals.length, backedUp: originals.length - notBackedUp, notBackedUp, verifiedAt: coverage.verifiedAt, targets: coverage.targets };
  const accounted = importBlockers.length === 0;
  const custodyBlockers = notBackedUp === 0 ? [] : [`${accounted ? "imported and verified, " : ""}not yet backed up off this disk (${notBackedUp} original${notBackedUp === 1 ? "" : "s"}): ${nextStep(coverage)}`];
  const blockers = [...importBlockers, ...custodyBlockers];
  return { ...report, accounted, importBlockers, custody, blockers, safeToDelete: blockers.length === 0 };
}

function nextStep(coverage: OffDiskCoverage): string {
  if (coverage.targets.length === 0) return "no backup target is on another disk or machine; set ALBUMS_BACKUP_REPOSITORY (restic over the tailnet) or ALBUMS_BACKUP_DIR on another disk";
  return `waiting for the next backup to ${coverage.targets.join(" or ")} and its verification (or run \`npm run backup\`)`;
}
