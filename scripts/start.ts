// `npm start`: takes the data dir's instance lock (one Albums per data dir; a second start exits 69
// before anything is written), runs the start-up work (scripts/boot.ts: config, data volume,
// migrations, tmp/ sweep, originals, web build) in a short-lived process, then the server and the
// worker under one supervisor. This process holds the lock and only babysits them, so it loads
// none of that (≈80 MiB resident instead of ≈190); a refused start exits with the boot step's code
// (78 configuration, 75 data volume).
import "@/lib/server/install-egress-guard";
import path from "node:path";
import { acquireInstanceLock, type InstanceLock, InstanceLockedError } from "@/lib/boot/instance-lock";
import { ConfigError, parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { runToExit, supervise } from "@/lib/server/supervise";

const root = path.resolve(import.meta.dirname, "..");
const log = createLogger("albums");
const node = process.execPath;
const tsx = ["--conditions=react-server", "--import", "tsx"];
// V8 grows each young-generation semi-space to 16 MiB by default; 4 MiB keeps ~30 MiB less
// resident in the worker at the same job times. Not in the server: there it cost ~1.5 ms of the
// ~8 ms median search at 10k photos.
const workerV8 = ["--max-semi-space-size=4"];

let lock: InstanceLock | undefined;
try {
  lock = acquireInstanceLock(parseConfig().dataDir);
} catch (error) {
  // An invalid configuration is reported in full by the boot step below.
  if (error instanceof InstanceLockedError) {
    log.error(error.message);
    process.exit(69);
  }
  if (!(error instanceof ConfigError)) throw error;
}

const boot = runToExit({ command: node, args: [...tsx, path.join(root, "scripts/boot.ts")] });
let stopRequested = false;
let stop = (signal: NodeJS.Signals) => boot.kill(signal);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    log.info(`${signal}: stopping server and worker`);
    stopRequested = true;
    stop(signal);
  });
}
const code = await boot.exited;
if (code !== 0 || stopRequested) process.exit(code);

// The share listener is a process of its own (ALBUMS_SHARE_PORT=0 turns it off): it never loads
// Next.js, so nothing of the owner's app can answer through it.
const sharePort = parseConfig().sharePort;
const supervisor = supervise(
  [
    { name: "server", command: node, args: ["--import", "tsx", path.join(root, "scripts/serve.ts")], restart: true },
    { name: "worker", command: node, args: [...workerV8, ...tsx, path.join(root, "workers/worker.ts")], restart: true, watchdog: true },
    ...(sharePort > 0 ? [{ name: "share", command: node, args: [...tsx, path.join(root, "scripts/serve-share.ts")], restart: true }] : []),
  ],
  log,
);
stop = () => void supervisor.stop("SIGTERM");
await supervisor.stopped;
// Released last (and referenced here, so it lives as long as this process runs).
lock?.release();
log.info("stopped");
