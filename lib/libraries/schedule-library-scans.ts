import type { JobContext } from "@/lib/queue/handler";
import { scanLibraries } from "./scan-libraries";

/** How often the worker looks whether a library is due or a scan was requested. */
const TICK_MS = 10_000;

/** Runs library rounds in the worker (polling: works on NFS/SMB), one at a time; the returned stop awaits the one running. */
export function scheduleLibraryScans(ctx: JobContext, signal: AbortSignal): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (signal.aborted || running) return;
    running = scanLibraries(ctx, { signal })
      .then(() => undefined)
      .catch((error: unknown) => ctx.log.error("library scan failed", { error: (error as Error).message }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
