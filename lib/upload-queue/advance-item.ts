import type { QueueItem } from "./queue-item";

/** What happened to an item; advanceItem turns it into the item's next state. */
export type QueueEvent =
  | { type: "hashed"; sha256: string }
  | { type: "start" }
  | { type: "progress"; uploadId: string | null; offset: number }
  | { type: "succeeded"; result: "ingested" | "duplicate" | "present" }
  | { type: "rejected"; status: number; message: string }
  | { type: "transient"; status: number | null; message: string; resetUpload?: boolean }
  | { type: "interrupted" }
  | { type: "retry" };

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 10 * 60_000;

/** Delay before the next try after `attempts` failed ones: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function backoffDelay(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/**
 * The queue's state machine (pure). pending → uploading → done | failed | pending (with backoff);
 * only a 2xx ("succeeded") reaches done, and done is final (its blob is dropped). A permanent
 * rejection (4xx) is failed until the user retries. Events that do not apply to the current state
 * leave the item unchanged, so a late or repeated event can never undo an acknowledgement.
 */
export function advanceItem(item: QueueItem, event: QueueEvent, now: number): QueueItem {
  const next = (patch: Partial<QueueItem>): QueueItem => ({ ...item, ...patch, updatedAt: now });
  switch (event.type) {
    case "hashed":
      return item.state === "done" ? item : next({ sha256: event.sha256 });
    case "start":
      return item.state === "pending" ? next({ state: "uploading", attempts: item.attempts + 1 }) : item;
    case "progress":
      return item.state === "uploading" ? next({ uploadId: event.uploadId, offset: event.offset }) : item;
    case "succeeded":
      if (item.state !== "uploading" && item.state !== "pending") return item;
      return next({ state: "done", result: event.result, blob: null, lastError: null, lastStatus: null, uploadId: null, offset: item.size });
    case "rejected":
      return item.state === "uploading" ? next({ state: "failed", lastError: event.message, lastStatus: event.status, uploadId: null, offset: 0 }) : item;
    case "transient":
      if (item.state !== "uploading") return item;
      return next({
        state: "pending", lastError: event.message, lastStatus: event.status, nextAttemptAt: now + backoffDelay(item.attempts),
        ...(event.resetUpload ? { uploadId: null, offset: 0 } : {}),
      });
    case "interrupted":
      return item.state === "uploading" ? next({ state: "pending", nextAttemptAt: now }) : item;
    case "retry":
      return item.state === "failed" || item.state === "pending" ? next({ state: "pending", attempts: 0, nextAttemptAt: now, lastError: null, lastStatus: null }) : item;
  }
}

/** How an HTTP status counts for the queue: 2xx done, 408/425/429/5xx retried, other 4xx permanent. */
export function classifyStatus(status: number): "success" | "transient" | "permanent" {
  if (status >= 200 && status < 300) return "success";
  if (status >= 500 || status === 408 || status === 425 || status === 429) return "transient";
  return "permanent";
}
