// One library step in a process of its own, so a fault test can run it under strace's fault
// injection: `node --conditions=react-server --import tsx tests/support/run-library-step.ts
// scan | scrub | open <asset id>` on ALBUMS_DATA_DIR; prints the result (or the AppError) as JSON.
import { openOriginal } from "@/lib/assets/open-original";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { scanFiles } from "@/lib/maintenance/scan-files";
import { scrubOriginals } from "@/lib/maintenance/scrub-originals";
import { getDb } from "@/lib/server/db";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const paths = libraryPaths(config.dataDir, config.databasePath);
const db = await getDb();
const [step, id] = process.argv.slice(2);
const run = () => (step === "scrub" ? scrubOriginals(db, paths, Number.MAX_SAFE_INTEGER) : step === "open" ? openOriginal(db, paths, id!) : scanFiles(db, paths));
const result = await run().catch((error: unknown) => {
  if (error instanceof AppError) return { error: { code: error.code, status: error.status, message: error.message } };
  throw error;
});
await db.$disconnect();
process.stdout.write(JSON.stringify(result));
