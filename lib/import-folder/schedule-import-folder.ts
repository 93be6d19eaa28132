import type { JobContext } from "@/lib/queue/handler";
import { pollImportFolder } from "./poll-import-folder";

/**
 * Polls the import folder (ALBUMS_IMPORT_DIR) every ALBUMS_IMPORT_POLL_SECONDS, one poll at a time
 * (a long one — a phone's first sync of thousands of photos — skips the beats it overlaps). Does
 * nothing without an import folder. The returned stop awaits a running poll, which stops between files.
 */
export function scheduleImportFolder(ctx: JobContext, signal: AbortSignal): () => Promise<void> {
  const settings = ctx.config.importFolder;
  if (!settings) return async () => {};
  let running: Promise<void> | null = null;
  const tick = () => {
    if (signal.aborted || running) return;
    running = pollImportFolder(ctx, signal)
      .then((summary) => {
        if (summary && summary.ingested + summary.duplicates + summary.moved + summary.skipped + summary.failed > 0) ctx.log.info("import folder polled", summary);
      })
      .catch((error: unknown) => ctx.log.error("import folder poll failed", { error: (error as Error).message }))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, settings.pollMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
