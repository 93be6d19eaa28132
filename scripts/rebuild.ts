// `npm run rebuild`: re-creates the library index (albums.db) of ALBUMS_DATA_DIR from originals/ and
// the journal, after the database was lost or moved away (start-up refuses and names this command).
// Originals are only read. Holds the data dir's instance lock: refused (exit 69) while Albums runs.
// Killed, it can be run again: it resumes. Then `npm start`; the worker re-makes thumbnails and ML.
import "@/lib/server/install-egress-guard";
import { acquireInstanceLock, InstanceLockedError } from "@/lib/boot/instance-lock";
import { ConfigError, parseConfig } from "@/lib/config";
import { rebuildLibrary, RebuildRefused } from "@/lib/journal/rebuild-library";

let config;
try {
  config = parseConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78);
}
let lock;
try {
  lock = acquireInstanceLock(config.dataDir);
} catch (error) {
  if (!(error instanceof InstanceLockedError)) throw error;
  console.error(error.message);
  process.exit(69);
}
const started = Date.now();
let lastPrint = 0;
try {
  const result = await rebuildLibrary(config, (p) => {
    if (Date.now() - lastPrint < 2000 && p.done !== p.total) return;
    lastPrint = Date.now();
    console.log(`${p.phase}: ${p.done}/${p.total}`);
  });
  const seconds = (Date.now() - started) / 1000;
  console.log(`rebuilt ${config.databasePath} in ${seconds.toFixed(1)} s: ${result.adopted} originals listed again (${result.alreadyListed} by an earlier run), ${result.replayed} journal entries replayed`);
  if (result.awaited > 0) console.log(`${result.awaited} photos with decisions live in external libraries: the worker's next library scan brings them back with their albums, favourites and people`);
  if (result.purged > 0) console.log(`${result.purged} files are originals the owner purged (an interrupted purge left them): not listed, left in place`);
  for (const { file, reason } of result.notAdopted) console.warn(`not listed: ${file} (${reason})`);
  console.log("start Albums (`npm start`): the worker re-makes thumbnails, faces and search in the background.");
} catch (error) {
  if (!(error instanceof RebuildRefused)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  lock.release();
}
