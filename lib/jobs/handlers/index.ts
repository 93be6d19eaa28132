import type { JobHandler } from "@/lib/queue/handler";
import { JOB_KINDS, type JobKind } from "@/lib/queue/kinds";
import { backupNowJob } from "./backup-now";
import { captionJob } from "./caption";
import { clipJob } from "./clip";
import { documentTextJob } from "./document-text";
import { facesJob } from "./faces";
import { motionVideoJob } from "./motion-video";
import { ocrJob } from "./ocr";
import { placesJob } from "./places";
import { takeoutImportJob } from "./takeout-import";
import { thumbnailJob } from "./thumbnail";
import { videoPosterJob } from "./video-poster";
import { videoPreviewJob } from "./video-preview";
import { videoRenditionJob } from "./video-rendition";

/** The handler of every declared kind (lib/queue/kinds.ts): a kind missing here does not compile. */
const BY_KIND: Record<JobKind, JobHandler> = {
  thumbnail: thumbnailJob,
  "video-poster": videoPosterJob,
  "motion-video": motionVideoJob,
  "document-text": documentTextJob,
  "takeout-import": takeoutImportJob,
  "backup-now": backupNowJob,
  places: placesJob,
  ocr: ocrJob,
  faces: facesJob,
  clip: clipJob,
  caption: captionJob,
  "video-preview": videoPreviewJob,
  "video-rendition": videoRenditionJob,
};

/** All handlers. */
export const JOB_HANDLERS: JobHandler[] = Object.values(BY_KIND);

/** Maps kinds to handlers; throws (so the worker refuses to start) if any kind lacks one. */
export function handlerRegistry(handlers: JobHandler[] = JOB_HANDLERS): Map<JobKind, JobHandler> {
  const registry = new Map(handlers.map((h) => [h.kind, h] as const));
  const missing = JOB_KINDS.filter((kind) => !registry.has(kind));
  if (missing.length > 0) throw new Error(`No handler for job kind(s): ${missing.join(", ")}`);
  return registry;
}
