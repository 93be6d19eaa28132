import { drainQueue, type DrainDeps, type DrainSummary } from "./drain-queue";

const LOCK = "albums-upload-queue";

export type QueueRunner = {
  /** Drains the queue now, or once more right after the drain in progress; resolves with its summary. */
  kick(): Promise<DrainSummary>;
};

/**
 * Serialises drains: within this page or worker (a kick during a drain asks for one more pass)
 * and across the app's pages and its service worker through the Web Locks API, so a file is never
 * uploaded by two of them at once.
 */
export function createQueueRunner(deps: DrainDeps): QueueRunner {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  const exclusive = (run: () => Promise<DrainSummary>) => (locks ? locks.request(LOCK, run) : run());
  let running: Promise<DrainSummary> | null = null;
  let again = false;
  return {
    kick() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let summary: DrainSummary;
        do {
          again = false;
          summary = await exclusive(() => drainQueue(deps));
        } while (again);
        return summary;
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
