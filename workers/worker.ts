// The worker process: runs the durable job queue (thumbnails, posters, document text, ML later).
import "@/lib/server/install-egress-guard";
import { randomUUID } from "node:crypto";
import os from "node:os";
import { getConfig } from "@/lib/config";
import { runWorker } from "@/lib/jobs/run-worker";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";

const config = getConfig();
const log = createLogger("worker", config.logLevel);
const abort = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    log.info(`${signal}: finishing the current job, then stopping`);
    abort.abort();
  });
}

const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const db = await getDb();
const ctx = { db, paths: libraryPaths(config.dataDir, config.databasePath), config, log };
log.info("started", { workerId, concurrency: config.workerConcurrency });
const stopMaintenance = scheduleMaintenance(ctx, abort.signal);
await runWorker(ctx, { workerId, signal: abort.signal, concurrency: config.workerConcurrency, leaseMs: config.jobLeaseMs });
await stopMaintenance();
await db.$disconnect();
log.info("stopped");
