import { classifyStatus, type QueueEvent } from "./advance-item";

export type UploadOutcome = Extract<QueueEvent, { type: "succeeded" | "rejected" | "transient" }>;

export type UploadDeps = {
  /** The app's origin; requests are same-origin, so the browser adds the identity (serve header, cookie). */
  origin: string;
  fetch: typeof fetch;
  /** Records a resumable upload's acknowledged offset (progress, and where to resume). */
  onProgress: (uploadId: string | null, offset: number) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  /** How long one chunk request may go unanswered before it counts as a cut connection (default 5 minutes). */
  requestTimeoutMs?: number;
};

/** The queue event for an ingest answer (POST /api/ingest or …/finish), with the server's own message. */
export async function outcomeOf(response: Response): Promise<UploadOutcome> {
  const body = (await response.json().catch(() => null)) as { status?: string; error?: { message?: string } } | null;
  const kind = classifyStatus(response.status);
  if (kind === "success") return { type: "succeeded", result: body?.status === "duplicate" ? "duplicate" : "ingested" };
  const message = body?.error?.message ?? `The box answered ${response.status} ${response.statusText}`.trim();
  return kind === "permanent" ? { type: "rejected", status: response.status, message } : { type: "transient", status: response.status, message };
}

/** A network failure (offline, connection cut) as a retryable outcome. */
export function networkFailure(error: unknown): UploadOutcome {
  return { type: "transient", status: null, message: `Network: ${error instanceof Error ? error.message : String(error)}` };
}
