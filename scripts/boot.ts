// `npm start`'s one-time start-up work, run by scripts/start.ts in a short-lived process of its own
// (so the long-lived supervisor never holds Prisma, the migrations or the build check): validates
// config, checks the data volume, migrates, sweeps tmp/, reconciles originals and builds the web app
// if needed. Exits 0 when the server and the worker can start; a refusal exits 78 (configuration)
// or 75 (data volume missing) with its message, a database migrated by a newer version 65
// (EX_DATAERR: restarting cannot fix it), a failed build 1.
import "@/lib/server/install-egress-guard";
import path from "node:path";
import { exitWithParent } from "@/lib/boot/exit-with-parent";
import { ConfigError, parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { buildWebApp, isBuildCurrent } from "@/lib/server/next-build";
import { LibraryVolumeError } from "@/lib/server/open-library";
import { RebuildNeeded } from "@/lib/journal/rebuild-needed";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { bootChecks, StartupRefusal } from "@/lib/server/boot-checks";
import { checkTools } from "@/lib/server/check-tools";
import { DatabaseNewerThanCode } from "@/lib/server/migrate";

exitWithParent();

const root = path.resolve(import.meta.dirname, "..");
const log = createLogger("albums");

let config;
try {
  config = parseConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    log.error(error.message);
    process.exit(78);
  }
  throw error;
}

for (const warning of await checkTools(config)) log.warn(warning);

try {
  await bootChecks(config, await prepareLibrary(config, log), log);
} catch (error) {
  if (error instanceof DatabaseNewerThanCode) {
    log.error(error.message);
    process.exit(65);
  }
  if (error instanceof LibraryVolumeError || error instanceof StartupRefusal || error instanceof RebuildNeeded) {
    log.error(error.message);
    process.exit(error instanceof LibraryVolumeError ? 75 : 78);
  }
  throw error;
}

if (!isBuildCurrent(root)) {
  log.info("building the web app (first start or code changed)…");
  try {
    buildWebApp(root);
  } catch (error) {
    log.error((error as Error).message);
    process.exit(1);
  }
}
