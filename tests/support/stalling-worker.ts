// Worker process for the stalled-job fault test: the real worker loop and liveness report, with a
// thumbnail handler that blocks the event loop for good on assets named "stall…" and succeeds at
// once on the others. Uses the library named by ALBUMS_DATA_DIR.
import { getConfig } from "@/lib/config";
import type { JobHandler } from "@/lib/queue/handler";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { runWorker } from "@/lib/jobs/run-worker";
import { newWorkerId } from "@/lib/jobs/worker-id";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";
import { reportAlive } from "@/lib/server/report-alive";

const config = getConfig();
reportAlive(config.workerStallMs);
const stalling: JobHandler = {
  kind: "thumbnail",
  async run(ctx, job) {
    const asset = await ctx.db.asset.findUniqueOrThrow({ where: { id: job.assetId! } });
    if (asset.originalName.startsWith("stall")) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};
const ctx = { db: await getDb(), paths: libraryPaths(config.dataDir, config.databasePath), config, log: createLogger("worker", config.logLevel) };
await runWorker(ctx, { workerId: newWorkerId(), pollMs: 100, handlers: JOB_HANDLERS.map((handler) => (handler.kind === "thumbnail" ? stalling : handler)) });
