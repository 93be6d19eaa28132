import type { EnrichmentKind } from "@/lib/config";

/** Every job kind the worker runs. The worker refuses to start if one has no handler. */
export const JOB_KINDS = ["thumbnail", "video-poster", "motion-video", "document-text", "takeout-import", "places", "ocr", "faces", "clip", "caption"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Lower runs first: what a person sees (thumbnails) before enrichment. */
export const JOB_PRIORITY: Record<JobKind, number> = {
  thumbnail: 10,
  "video-poster": 10,
  "document-text": 20,
  "motion-video": 30,
  "takeout-import": 50,
  places: 40,
  clip: 60,
  ocr: 65,
  faces: 65,
  caption: 70,
};

/** Enrichment for search, queued once a photo's thumbnails (or a video's poster) exist, among the `enabled` kinds. */
export function enrichmentJobs(kind: string, enabled: readonly EnrichmentKind[]): JobKind[] {
  const all: EnrichmentKind[] = kind === "photo" ? ["places", "clip", "ocr", "faces", "caption"] : kind === "video" ? ["places", "clip", "caption"] : [];
  return all.filter((k) => enabled.includes(k));
}

/** The jobs a freshly ingested original needs, by its kind and type. */
export function jobsForNewAsset(kind: "photo" | "video" | "document" | "file", mime: string): JobKind[] {
  if (kind === "file") return [];
  if (kind === "video") return ["video-poster"];
  if (kind === "document") return ["document-text"];
  return mime === "image/jpeg" || mime.startsWith("image/hei") ? ["thumbnail", "motion-video"] : ["thumbnail"];
}
