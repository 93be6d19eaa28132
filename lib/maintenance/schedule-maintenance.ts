import type { JobContext } from "@/lib/queue/handler";
import { maintenanceTick } from "./run-maintenance";

const TICK_MS = 60_000;

/** Runs a maintenance tick every minute, skipping a beat while one is still running; the returned stop awaits it. */
export function scheduleMaintenance(ctx: JobContext, signal: AbortSignal): () => Promise<void> {
  let running: Promise<void> | null = null;
  let last = Date.now();
  const timer = setInterval(() => {
    if (signal.aborted || running) return;
    const now = Date.now();
    running = maintenanceTick(ctx, now - last)
      .catch((error: unknown) => ctx.log.error("maintenance tick failed", { error: (error as Error).message }))
      .finally(() => {
        last = now;
        running = null;
      });
  }, TICK_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
