import type { Db } from "@/lib/server/db";

/** Where bytes came from; `recovered`: a file found in `originals/` without a row, adopted (lib/custody). */
export const INGEST_SOURCES = ["share", "upload", "takeout", "icloud", "watch", "api", "recovered", "files", "webdav"] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

export type IngestAttempt = {
  source: string;
  client: string;
  originalName: string;
  size?: number | null;
  sha256?: string | null;
  outcome: "ingested" | "duplicate" | "rejected";
  errorCode?: string | null;
  message?: string | null;
  assetId?: string | null;
};

/** The audit row of an attempt (bounded strings), for callers that commit it with other rows. */
export function auditRow(attempt: IngestAttempt) {
  return {
    source: attempt.source.slice(0, 32),
    client: attempt.client.slice(0, 200),
    originalName: attempt.originalName.slice(0, 500),
    size: attempt.size === undefined || attempt.size === null ? null : BigInt(attempt.size),
    sha256: attempt.sha256 ?? null,
    outcome: attempt.outcome,
    errorCode: attempt.errorCode ?? null,
    message: attempt.message?.slice(0, 1000) ?? null,
    assetId: attempt.assetId ?? null,
  };
}

/** Appends one row to the ingest audit log (every attempt, accepted or not). Never throws. */
export async function recordIngestAttempt(db: Db, attempt: IngestAttempt): Promise<void> {
  try {
    await db.ingestAudit.create({ data: auditRow(attempt) });
  } catch (error) {
    process.stderr.write(`ingest audit write failed: ${String(error)}\n`);
  }
}
