// The worker process: runs the durable job queue (thumbnails, posters, document text, OCR, faces,
// places, CLIP, captions), keeps the text index current, polls the import folder and embeds search queries.
import "@/lib/server/install-egress-guard";
import { exitWithParent } from "@/lib/boot/exit-with-parent";
import { getConfig } from "@/lib/config";
import { scheduleImportFolder } from "@/lib/import-folder/schedule-import-folder";
import { withClipEncoder } from "@/lib/jobs/handlers/ml-sessions";
import { queueMissingEnrichment } from "@/lib/jobs/queue-missing-enrichment";
import { runWorker } from "@/lib/jobs/run-worker";
import { scheduleLibraryScans } from "@/lib/libraries/schedule-library-scans";
import { newWorkerId } from "@/lib/jobs/worker-id";
import { scheduleMaintenance } from "@/lib/maintenance/schedule-maintenance";
import { serveTextEmbeddings } from "@/lib/ml/serve-text-embeddings";
import { scheduleTextIndex } from "@/lib/search/schedule-text-index";
import { getDb } from "@/lib/server/db";
import { createLogger } from "@/lib/server/logger";
import { libraryPaths } from "@/lib/server/paths";
import { reportAlive } from "@/lib/server/report-alive";

exitWithParent();

const config = getConfig();
const log = createLogger("worker", config.logLevel);
// Under `npm start` the supervisor kills and restarts this process when its event loop stalls.
const stopReporting = reportAlive(config.workerStallMs);
const abort = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    log.info(`${signal}: finishing the current job, then stopping`);
    abort.abort();
  });
}

const workerId = newWorkerId();
const db = await getDb();
const ctx = { db, paths: libraryPaths(config.dataDir, config.databasePath), config, log };
log.info("started", { workerId, concurrency: config.workerConcurrency, enrichmentQueued: await queueMissingEnrichment(db, config.enrichment) });
const stopMaintenance = scheduleMaintenance(ctx, abort.signal);
const stopTextIndex = scheduleTextIndex(ctx, abort.signal);
const stopImportFolder = scheduleImportFolder(ctx, abort.signal);
const stopLibraryScans = scheduleLibraryScans(ctx, abort.signal);
// Search queries are embedded here, where the CLIP model lives.
const embeddings = await serveTextEmbeddings(ctx.paths.mlSocket, (text) =>
  withClipEncoder(config, async (encoder) => ({ model: encoder.modelId, vector: await encoder.embedText(text) })),
);
await runWorker(ctx, { workerId, signal: abort.signal, concurrency: config.workerConcurrency, leaseMs: config.jobLeaseMs });
embeddings.close();
await Promise.all([stopMaintenance(), stopTextIndex(), stopImportFolder(), stopLibraryScans()]);
await db.$disconnect();
stopReporting();
log.info("stopped");
