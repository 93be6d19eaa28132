// `npm start`: validates config, checks the data volume, migrates, sweeps tmp/, reconciles
// originals, builds the web app if needed, then runs the server and the worker under one supervisor.
import "@/lib/server/install-egress-guard";
import path from "node:path";
import { ConfigError, parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { buildWebApp, isBuildCurrent } from "@/lib/server/next-build";
import { LibraryVolumeError } from "@/lib/server/open-library";
import { prepareLibrary } from "@/lib/server/prepare-library";
import { bootChecks, StartupRefusal } from "@/lib/server/boot-checks";
import { checkTools } from "@/lib/server/check-tools";
import { supervise } from "@/lib/server/supervise";

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
  if (error instanceof LibraryVolumeError || error instanceof StartupRefusal) {
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

const node = process.execPath;
const supervisor = supervise(
  [
    { name: "server", command: node, args: ["--import", "tsx", path.join(root, "scripts/serve.ts")], restart: true },
    { name: "worker", command: node, args: ["--conditions=react-server", "--import", "tsx", path.join(root, "workers/worker.ts")], restart: true },
  ],
  log,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log.info(`${signal}: stopping server and worker`);
    void supervisor.stop("SIGTERM");
  });
}
await supervisor.stopped;
log.info("stopped");
