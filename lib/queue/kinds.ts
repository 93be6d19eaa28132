import { z } from "zod";
import type { EnrichmentKind } from "@/lib/config";
import { isTextFile, TEXT_EXTS } from "@/lib/media/text-files";

type AssetKind = "photo" | "video" | "document" | "file";

/**
 * What the queue knows about a job kind, declared once here: its priority, the assets it applies
 * to (SQL on `"Asset" a`, used to re-run it over the library; null when it is not about one asset),
 * the derivatives it produces (by asset kind), its payload schema (the worker parses a job's
 * payload with it before the handler runs) and, with `oneAtATime`, a group (e.g. "ffmpeg") of
 * which the worker runs one job at a time, whatever its concurrency.
 * The handler (`lib/jobs/handlers/<kind>.ts`) is bound by name in lib/jobs/handlers/index.ts, a
 * `Record<JobKind, JobHandler>`, so a kind without a handler does not compile and the worker
 * refuses to start. This table stays low (no domain imports) because ingest and imports enqueue
 * jobs, and handlers import ingest.
 */
type KindDeclaration = {
  priority: number;
  appliesTo: string | null;
  produces: Partial<Record<AssetKind, readonly string[]>>;
  payload: z.ZodType;
  oneAtATime?: string;
};

const none = z.object({}).passthrough();

/** The payload of a Takeout import job (see lib/takeout/start-import.ts). */
export const importJobPayload = z.object({
  paths: z.array(z.string().min(1).max(4096)).min(1).max(500),
  includeTrashed: z.boolean().default(false),
  /** which kind of export the parts are: a Google Takeout, or Apple's iCloud Photos copy */
  source: z.enum(["takeout", "icloud"]).default("takeout"),
  requestId: z.string(),
});

/** Lower priority runs first: what a person sees (thumbnails) before enrichment, transcoding last. */
export const JOB_KIND_DECLARATIONS = {
  thumbnail: { priority: 10, appliesTo: `a."kind" = 'photo'`, produces: { photo: ["thumb-sm", "thumb-md"] }, payload: none },
  "video-poster": { priority: 10, appliesTo: `a."kind" = 'video'`, produces: { video: ["thumb-sm", "thumb-md"] }, payload: none },
  "document-text": {
    priority: 20,
    appliesTo: `(a."kind" = 'document' OR (a."kind" = 'file' AND a."ext" IN (${TEXT_EXTS.map((ext) => `'${ext}'`).join(", ")})))`,
    produces: { document: ["thumb-sm", "thumb-md"] },
    payload: none,
  },
  "motion-video": {
    priority: 30,
    appliesTo: `a."kind" = 'photo' AND (a."mimeType" = 'image/jpeg' OR a."mimeType" LIKE 'image/hei%')`,
    produces: { photo: ["motion-video"] },
    payload: none,
  },
  places: { priority: 40, appliesTo: `a."kind" IN ('photo', 'video')`, produces: {}, payload: none },
  "takeout-import": { priority: 50, appliesTo: null, produces: {}, payload: importJobPayload },
  "backup-now": { priority: 5, appliesTo: null, produces: {}, payload: none },
  clip: { priority: 60, appliesTo: `a."kind" IN ('photo', 'video')`, produces: {}, payload: none },
  ocr: { priority: 65, appliesTo: `a."kind" = 'photo'`, produces: {}, payload: none },
  faces: { priority: 65, appliesTo: `a."kind" = 'photo'`, produces: {}, payload: none },
  caption: { priority: 70, appliesTo: `a."kind" IN ('photo', 'video')`, produces: {}, payload: none },
  "video-preview": { priority: 35, appliesTo: `a."kind" = 'video'`, produces: { video: ["preview"] }, payload: none, oneAtATime: "ffmpeg" },
  "video-rendition": {
    priority: 90,
    appliesTo: `(a."kind" = 'video' OR (a."kind" = 'photo' AND a."motionPhoto" = 1))`,
    produces: { video: ["rendition"], photo: ["rendition"] },
    payload: none,
    oneAtATime: "ffmpeg",
  },
} as const satisfies Record<string, KindDeclaration>;

export type JobKind = keyof typeof JOB_KIND_DECLARATIONS;

/** Every job kind the worker runs. The worker refuses to start if one has no handler. */
export const JOB_KINDS = Object.keys(JOB_KIND_DECLARATIONS) as [JobKind, ...JobKind[]];

/** A kind's declaration. */
export function jobKind(kind: JobKind): KindDeclaration {
  return JOB_KIND_DECLARATIONS[kind];
}

/** The job that makes derivative `derivative` for an asset of `assetKind`, if any. */
export function producerOf(assetKind: string, derivative: string): JobKind | undefined {
  return JOB_KINDS.find((kind) => (jobKind(kind).produces as Record<string, readonly string[] | undefined>)[assetKind]?.includes(derivative));
}

/** The derivative kinds an asset of `assetKind` can have. */
export function derivativeKinds(assetKind: string): string[] {
  return [...new Set(JOB_KINDS.flatMap((kind) => (jobKind(kind).produces as Record<string, readonly string[] | undefined>)[assetKind] ?? []))];
}

/** Enrichment for search, queued once a photo's thumbnails (or a video's poster) exist, among the `enabled` kinds. */
export function enrichmentJobs(kind: string, enabled: readonly EnrichmentKind[]): JobKind[] {
  const all: EnrichmentKind[] = kind === "photo" ? ["places", "clip", "ocr", "faces", "caption"] : kind === "video" ? ["places", "clip", "caption"] : [];
  return all.filter((k) => enabled.includes(k));
}

/** The jobs a freshly ingested original needs, by its kind, type and extension (a text file's words are read for search). */
export function jobsForNewAsset(kind: AssetKind, mime: string, ext: string): JobKind[] {
  if (kind === "file") return isTextFile(kind, ext) ? ["document-text"] : [];
  if (kind === "video") return ["video-poster", "video-preview", "video-rendition"];
  if (kind === "document") return ["document-text"];
  return mime === "image/jpeg" || mime.startsWith("image/hei") ? ["thumbnail", "motion-video"] : ["thumbnail"];
}
