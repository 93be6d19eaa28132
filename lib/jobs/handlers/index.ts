import type { JobHandler } from "../handler";
import { JOB_KINDS, type JobKind } from "../kinds";
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

/** All handlers, keyed by kind. */
export const JOB_HANDLERS: JobHandler[] = [
  thumbnailJob, videoPosterJob, motionVideoJob, documentTextJob, takeoutImportJob, placesJob, ocrJob, facesJob, clipJob, captionJob,
];

/** Maps kinds to handlers; throws (so the worker refuses to start) if any kind lacks one. */
export function handlerRegistry(handlers: JobHandler[] = JOB_HANDLERS): Map<JobKind, JobHandler> {
  const registry = new Map(handlers.map((h) => [h.kind, h] as const));
  const missing = JOB_KINDS.filter((kind) => !registry.has(kind));
  if (missing.length > 0) throw new Error(`No handler for job kind(s): ${missing.join(", ")}`);
  return registry;
}
