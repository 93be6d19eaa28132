// `npm start`: takes the data dir's instance lock (one Albums per data dir; a second start exits 69
// before anything is written), runs the start-up work (scripts/boot.ts: config, data volume,
// migrations, tmp/ sweep, originals, web build) in a short-lived process, then the server and the
// worker under one supervisor. This process holds the lock and only babysits them, so it loads
// none of that (≈80 MiB resident instead of ≈190); a refused start exits with the boot step's code
// (78 configuration, 75 data volume, 65 a database migrated by a newer version).
import "@/lib/server/install-egress-guard";
import path from "node:path";
import { acquireInstanceLock, type InstanceLock, InstanceLockedError } from "@/lib/boot/instance-lock";
import { type Config, ConfigError, parseConfig } from "@/lib/config";
import { notifyCrashLoop } from "@/lib/notify/notify-crash-loop";
import { openLogFile } from "@/lib/logs/open-log-file";
import { addLogSink, createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";
import { runToExit, STOP_GRACE_MS, supervise } from "@/lib/server/supervise";

const root = path.resolve(import.meta.dirname, "..");
const log = createLogger("albums");
const node = process.execPath;
const tsx = ["--conditions=react-server", "--import", "tsx"];
// V8 grows each young-generation semi-space to 16 MiB by default; 4 MiB keeps ~30 MiB less
// resident in the worker at the same job times. Not in the server: there it cost ~1.5 ms of the
// ~8 ms median search at 10k photos.
const workerV8 = ["--max-semi-space-size=4"];

let lock: InstanceLock | undefined;
let config: Config | undefined;
try {
  config = parseConfig();
  lock = acquireInstanceLock(config.dataDir);
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

// Only now, with the data volume checked, the log file under it (boot's own lines: console only).
const logFile = config
  ? openLogFile({ paths: libraryPaths(config.dataDir, config.databasePath), keepDays: config.logKeepDays, secrets: secretsOf(config) })
  : null;
if (logFile) addLogSink((line) => logFile.write("albums", line));

// The share listener is a process of its own (ALBUMS_SHARE_PORT=0 turns it off): it never loads
// Next.js, so nothing of the owner's app can answer through it.
const sharePort = config?.sharePort ?? 0;
const supervisor = supervise(
  [
    { name: "server", command: node, args: ["--import", "tsx", path.join(root, "scripts/serve.ts")], restart: true },
    { name: "worker", command: node, args: [...workerV8, ...tsx, path.join(root, "workers/worker.ts")], restart: true, watchdog: true },
    ...(sharePort > 0 ? [{ name: "share", command: node, args: [...tsx, path.join(root, "scripts/serve-share.ts")], restart: true }] : []),
  ],
  log,
  STOP_GRACE_MS,
  { onCrash: config ? notifyCrashLoop(config.notify, log) : undefined, onLine: logFile ? (name, line) => logFile.write(name, line) : undefined },
);
stop = () => void supervisor.stop("SIGTERM");
await supervisor.stopped;
// Released last (and referenced here, so it lives as long as this process runs).
lock?.release();
log.info("stopped");
logFile?.close();

/** The configured secret values, kept out of the log file whatever line they turn up in. */
function secretsOf(c: Config): string[] {
  const passwordOf = (url: string | null | undefined) => (url && URL.canParse(url) ? decodeURIComponent(new URL(url).password) : "");
  return [c.apiToken, c.captionEndpoint?.apiKey, passwordOf(c.notify.smtp?.url), passwordOf(c.backupRepository?.repository)].filter((s): s is string => !!s);
}
