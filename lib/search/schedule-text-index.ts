import type { JobContext } from "@/lib/queue/handler";
import { updateTextIndex } from "./update-text-index";

const EVERY_MS = 2_000;

/**
 * Keeps the text index current: every 2 s the worker folds new changes into a segment (a photo
 * becomes findable by its words a few seconds after its OCR/caption/place lands). The returned
 * stop awaits a running update.
 */
export function scheduleTextIndex(ctx: JobContext, signal: AbortSignal): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (signal.aborted || running) return;
    running = updateTextIndex(ctx)
      .then((update) => {
        if (update.action !== "none") ctx.log.debug("text index updated", update);
      })
      .catch((error: unknown) => ctx.log.error("text index update failed", { error: (error as Error).message }))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, EVERY_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
