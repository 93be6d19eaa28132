// `npm run backup [-- <destination>]`: online backup of the library named by ALBUMS_DATA_DIR into
// ALBUMS_BACKUP_DIR (or the given folder); safe while Albums runs. Prints what it did.
import "@/lib/server/install-egress-guard";
import { createBackup } from "@/lib/backup/create-backup";
import { recordBackup } from "@/lib/backup/backup-status";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const destination = process.argv[2] ?? config.backupDir;
const result = await createBackup(libraryPaths(config.dataDir, config.databasePath), destination, config.backupKeep);
const db = await getDb();
await recordBackup(db, result);
await db.$disconnect();
console.log(`snapshot ${result.snapshot}: ${result.assets} originals (${result.copied} new, ${(result.bytesCopied / 1e6).toFixed(1)} MB copied and re-hashed)`);
if (result.pruned.length > 0) console.log(`pruned old snapshots: ${result.pruned.join(", ")}`);
if (result.missing.length > 0) {
  console.error(`WARNING: ${result.missing.length} originals are missing from the library disk and are not in this backup.`);
  process.exitCode = 2;
}
