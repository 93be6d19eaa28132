// `npm run library -- add <folder> | remove <id-or-folder> [--yes] | list | scan [--all]`: external
// libraries indexed in place (docs/libraries.md) from the command line. `scan` runs a round here
// (the due libraries, or all with --all) — the worker does the same on its own every
// ALBUMS_LIBRARY_SCAN_MINUTES. Albums never writes inside a library; `remove` takes its photos
// out of the gallery and leaves its files alone.
import "@/lib/server/install-egress-guard";
import { openBesideApp } from "@/lib/boot/open-beside-app";
import { getConfig } from "@/lib/config";
import { addLibrary } from "@/lib/libraries/add-library";
import { listLibraries } from "@/lib/libraries/list-libraries";
import { removeLibrary } from "@/lib/libraries/remove-library";
import { scanLibraries } from "@/lib/libraries/scan-libraries";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";

const [command, arg] = process.argv.slice(2);
const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith("--")));
const config = getConfig();
const { paths, lock } = await openBesideApp(config, "library");
const db = await getDb();
try {
  if (command === "add" && arg) {
    const added = await addLibrary(db, paths, { root: arg });
    console.log(`library ${added.id}: ${added.root} (the worker scans it shortly; \`npm run library -- scan\` scans it now)`);
  } else if (command === "remove" && arg) {
    const library = (await listLibraries(db)).find((l) => l.id === arg || l.root === arg);
    if (!library) throw new Error(`no library ${arg} (see \`npm run library -- list\`)`);
    if (!flags.has("--yes")) {
      console.log(`This removes the ${library.files} photos of ${library.root} from the gallery (albums, faces and captions of those that live nowhere else go with them). Its files are not touched. Run again with --yes to do it.`);
    } else {
      const removed = await removeLibrary({ db, paths }, library.id);
      console.log(`removed ${removed.root}: ${removed.assetsRemoved} photos left the gallery; its files are untouched`);
    }
  } else if (command === "list") {
    for (const l of await listLibraries(db)) {
      console.log(`${l.id}  ${l.state.padEnd(6)}  ${String(l.files).padStart(7)} files  ${l.missing ? `${l.missing} missing  ` : ""}last scan ${l.lastScanAt ?? "never"}  ${l.root}${l.reason ? `  (${l.reason})` : ""}${l.scan ? `  scanning: ${l.scan.seen} seen, ${l.scan.new} new, ${l.scan.changed} changed` : ""}`);
    }
  } else if (command === "scan") {
    const round = await scanLibraries({ db, paths, config, log: createLogger("library", config.logLevel) }, { force: flags.has("--all") });
    console.log(`scanned ${round.scanned} libraries${round.stale.length ? `; stale (not available): ${round.stale.join(", ")}` : ""}${round.collected ? `; collected ${round.collected.files} files gone for good, ${round.collected.assets} photos` : ""}`);
  } else {
    console.error("usage: npm run library -- add <folder> | remove <id-or-folder> [--yes] | list | scan [--all]");
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  lock?.release();
}
