import { z } from "zod";
import type { Db } from "@/lib/server/db";
import type { JobKind } from "./kinds";
import { queueJobsForAssets } from "./queue";

/** The asset kinds each re-runnable job applies to (a Takeout import is not re-run from here). */
const APPLIES_TO: Record<Exclude<JobKind, "takeout-import">, string> = {
  thumbnail: `a."kind" = 'photo'`,
  "video-poster": `a."kind" = 'video'`,
  "motion-video": `a."kind" = 'photo' AND (a."mimeType" = 'image/jpeg' OR a."mimeType" LIKE 'image/hei%')`,
  "document-text": `a."kind" = 'document'`,
  places: `a."kind" IN ('photo', 'video')`,
  clip: `a."kind" IN ('photo', 'video')`,
  caption: `a."kind" IN ('photo', 'video')`,
  ocr: `a."kind" = 'photo'`,
  faces: `a."kind" = 'photo'`,
};
type Rerunnable = keyof typeof APPLIES_TO;

export const rerunJobsBody = z.object({ kind: z.enum(Object.keys(APPLIES_TO) as [Rerunnable, ...Rerunnable[]]) });

/**
 * Re-runs one kind of job over the whole library (reindex after a model upgrade): one statement
 * queues a job for every asset it applies to, re-arming existing ones (the job key keeps it
 * idempotent), so 100k assets do not mean 100k round trips. Trashed assets are skipped.
 */
export async function rerunJobs(db: Db, body: z.infer<typeof rerunJobsBody>): Promise<{ queued: number }> {
  return { queued: await queueJobsForAssets(db, body.kind, `a."trashedAt" IS NULL AND ${APPLIES_TO[body.kind]}`, { rearm: true }) };
}
