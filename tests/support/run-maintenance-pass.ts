// One maintenance pass of the worker in a process of its own, so a fault test can run it under
// strace's fault injection: `node --conditions=react-server --import tsx
// tests/support/run-maintenance-pass.ts scan|scrub` on ALBUMS_DATA_DIR; prints the result as JSON.
import { getConfig } from "@/lib/config";
import { scanFiles } from "@/lib/maintenance/scan-files";
import { scrubOriginals } from "@/lib/maintenance/scrub-originals";
import { getDb } from "@/lib/server/db";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const paths = libraryPaths(config.dataDir, config.databasePath);
const db = await getDb();
const result = process.argv[2] === "scrub" ? await scrubOriginals(db, paths, Number.MAX_SAFE_INTEGER) : await scanFiles(db, paths);
await db.$disconnect();
process.stdout.write(JSON.stringify(result));
