import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Asset } from "@/lib/generated/prisma/client";
import { storeDerivedVideo } from "@/lib/assets/store-derived-video";
import { removePath } from "@/lib/custody/remove-path";
import { ffmpegHasFilter } from "@/lib/media/ffmpeg-has-filter";
import { probeJson } from "@/lib/media/probe-video";
import { playbackFacts, type PlaybackFacts, type ProbeJson } from "@/lib/media/rendition-rule";
import { runFfmpeg } from "@/lib/media/run-ffmpeg";
import { resolveUnder } from "@/lib/server/paths";
import type { JobRow } from "@/lib/queue/claim";
import { type JobContext, PermanentJobError } from "@/lib/queue/handler";
import { loadJobAsset } from "./load-job-asset";

/** ffmpeg is killed past this resident memory (a 4K/8K HEVC decode plus x264 stays well below). */
const FFMPEG_RSS_MB = 2048;
const NICE = 10;

export type VideoSource = { asset: Asset; path: string; facts: PlaybackFacts; zscale: boolean };

/**
 * The video a job works on — a video's original, or the clip of a Motion Photo (its motion-video
 * derivative) — probed; null when there is none (a photo without a clip).
 */
export async function loadVideoSource(ctx: JobContext, job: JobRow): Promise<VideoSource | null> {
  const { asset, file } = await loadJobAsset(ctx, job);
  let source = file;
  if (asset.kind !== "video") {
    const clip = await ctx.db.derivative.findUnique({ where: { assetId_kind: { assetId: asset.id, kind: "motion-video" } } });
    if (!clip) return null;
    source = resolveUnder(ctx.paths.derived, clip.relPath);
  }
  let probe: unknown;
  try {
    probe = await probeJson(source, ctx.config.ffprobe);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`ffprobe not found (${ctx.config.ffprobe}) or the file vanished`);
    throw new PermanentJobError(`unreadable video: ${(error as Error).message}`, { cause: error });
  }
  const facts = playbackFacts(probe as ProbeJson, asset.kind === "video" ? asset.mimeType : "video/mp4");
  return facts ? { asset, path: source, facts, zscale: await ffmpegHasFilter(ctx.config.ffmpeg, "zscale") } : null;
}

/**
 * Runs ffmpeg (niced, memory-bounded) into a temp file under `tmp/`, reporting progress and ETA
 * on the job row, then renames the complete file into place as derivative `kind`. A failed or
 * killed ffmpeg leaves only its temp file, removed here (or by the start-up sweep of `tmp/`).
 */
export async function makeVideoDerivative(
  ctx: JobContext, job: JobRow, source: VideoSource, kind: string, output: { args: (file: string) => string[]; durationMs: number | null; size: { width: number; height: number } },
): Promise<void> {
  const tmp = path.join(ctx.paths.tmp, `video-${kind}-${randomUUID()}.mp4`);
  const started = Date.now();
  let written = 0;
  const onProgress = (fraction: number) => {
    if (Date.now() - written < 1000 || fraction <= 0) return;
    written = Date.now();
    const etaSeconds = Math.round(((Date.now() - started) / 1000) * ((1 - fraction) / fraction));
    void ctx.db.job.update({ where: { id: job.id }, data: { progress: JSON.stringify({ fraction, etaSeconds }) } }).catch(() => {});
  };
  try {
    await runFfmpeg({ ffmpeg: ctx.config.ffmpeg, args: output.args(tmp), durationMs: output.durationMs, onProgress, rssMb: FFMPEG_RSS_MB, nice: NICE });
    await storeDerivedVideo(ctx.db, ctx.paths, source.asset, kind, tmp, output.size);
  } finally {
    await removePath(ctx.paths, "temp", tmp);
  }
}
