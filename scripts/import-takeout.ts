// `npm run import:takeout -- [--include-trashed] <takeout-*.zip | *.tgz | folder>…`: imports a Google
// Takeout (Photos and Drive) into the library named by ALBUMS_DATA_DIR with a progress bar; prints
// where the verification report is and whether Google can be emptied. `npm run import:icloud` (the
// same with --icloud) does the same for Apple's iCloud Photos export ("iCloud Photos Part N of M.zip"). While Albums runs on that
// data dir the import is handed to its worker (one writer per data dir) and followed from here;
// otherwise it runs in this process, holding the data dir's instance lock.
// Exit status: 0 safe to delete from Google; 3 every item accounted for but not all originals in a
// verified backup off this disk yet (`/api/imports/<id>` turns safe once one is); 1 otherwise.
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { openBesideApp } from "@/lib/boot/open-beside-app";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db";
import { TakeoutAbort } from "@/lib/takeout/catalogue-parts";
import { followImport } from "@/lib/takeout/follow-import";
import { importIcloud } from "@/lib/icloud/import-icloud";
import { importTakeout, type TakeoutProgress } from "@/lib/takeout/import-takeout";
import { queueImport } from "@/lib/takeout/start-import";

const args = process.argv.slice(2);
const includeTrashed = args.includes("--include-trashed");
const source = args.includes("--icloud") ? "icloud" : "takeout";
const from = source === "icloud" ? "iCloud" : "Google";
const inputs = args.filter((a) => !a.startsWith("--")).map((a) => path.resolve(a));
if (inputs.length === 0) {
  console.error("usage: npm run import:takeout -- [--include-trashed] <takeout-001.zip> [takeout-002.zip …] | <extracted folder>");
  console.error('       npm run import:icloud -- [--include-trashed] "iCloud Photos Part 1 of 2.zip" …');
  process.exit(2);
}
const config = getConfig();
const { paths, lock } = await openBesideApp(config, "import");
const db = await getDb();
const bar = new SingleBar({ format: "{phase} |{bar}| {percentage}% · {value}/{total} entries · {mb}/{totalMb} MB · {rate} MB/s · ETA {eta_formatted}", hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 });
const started = Date.now();
let barStarted = false;
const onProgress = (p: TakeoutProgress) => {
  const mb = (p.bytesDone / 1e6).toFixed(0);
  const payload = { phase: p.phase, mb, totalMb: (p.bytes / 1e6).toFixed(0), rate: (p.bytesDone / 1e6 / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) };
  if (!barStarted) {
    bar.start(Math.max(1, p.entries), p.entriesDone, payload);
    barStarted = true;
  }
  bar.setTotal(Math.max(1, p.entries));
  bar.update(p.entriesDone, payload);
};
try {
  if (!lock) console.log("Albums is running on this data dir: its worker does the import; following its progress (Ctrl-C stops following, not the import).");
  const { runId, report } = lock
    ? await (source === "icloud" ? importIcloud : importTakeout)({ db, paths, config }, inputs, { includeTrashed }, onProgress)
    : await followImport(db, { requestId: (await queueImport(db, { paths: inputs, includeTrashed, source })).requestId, inputs }, onProgress);
  bar.stop();
  const reportFile = path.join(paths.root, "imports", `${runId}.json`);
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  const t = report.totals;
  console.log(`imported ${t.imported}, already in the library ${t.duplicate} (${t.updated ?? 0} updated by this export), not imported ${t.skipped}, failed ${t.failed} (of ${t.entries} entries in ${report.parts.length} part(s))`);
  console.log(`albums checked: ${report.albums.length}; photos without metadata: ${report.unmatchedMedia.length}`);
  console.log(`report: ${reportFile} (also at /api/imports/${runId})`);
  console.log(report.safeToDelete ? `SAFE TO DELETE FROM ${from.toUpperCase()}: every item is accounted for and in a verified backup off this disk.` : `NOT safe to delete from ${from} yet:\n  - ${report.blockers.join("\n  - ")}`);
  process.exitCode = report.safeToDelete ? 0 : report.accounted ? 3 : 1;
} catch (error) {
  bar.stop();
  if (error instanceof TakeoutAbort) {
    console.error(`Import aborted, nothing was added: ${error.message}`);
    process.exitCode = 3;
  } else throw error;
} finally {
  await db.$disconnect();
  lock?.release();
}
