import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type VideoMetadata = {
  durationMs?: number;
  width?: number;
  height?: number;
  codec?: string;
  rotation?: number;
  creationTime?: Date;
  latitude?: number;
  longitude?: number;
  make?: string;
  model?: string;
  raw: Record<string, unknown>;
};

type FfprobeStream = { codec_type?: string; codec_name?: string; width?: number; height?: number; tags?: Record<string, string>; side_data_list?: { rotation?: number }[] };
type FfprobeOutput = { streams?: FfprobeStream[]; format?: { duration?: string; tags?: Record<string, string> } };

const ISO6709 = /^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)/;

/** ffprobe's JSON (`-show_format -show_streams`) for a file. Throws when ffprobe is missing or cannot read it. */
export async function probeJson(filePath: string, ffprobe: string): Promise<unknown> {
  const { stdout } = await run(ffprobe, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", filePath], {
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** Runs ffprobe on a video. Throws when ffprobe is missing or cannot read the file. */
export async function probeVideo(filePath: string, ffprobe: string): Promise<VideoMetadata> {
  const probe = (await probeJson(filePath, ffprobe)) as FfprobeOutput;
  const video = probe.streams?.find((s) => s.codec_type === "video");
  if (!video) throw new Error("no video stream");
  const tags = { ...(video.tags ?? {}), ...(probe.format?.tags ?? {}) };
  const rotation = Math.abs(video.side_data_list?.find((d) => typeof d.rotation === "number")?.rotation ?? Number(video.tags?.rotate ?? 0));
  const sideways = rotation === 90 || rotation === 270;
  const duration = Number(probe.format?.duration);
  const location = ISO6709.exec(tags["com.apple.quicktime.location.ISO6709"] ?? tags.location ?? "");
  const created = tags["com.apple.quicktime.creationdate"] ?? tags.creation_time;
  const creationTime = created ? new Date(created) : undefined;
  return {
    raw: probe as Record<string, unknown>,
    ...(Number.isFinite(duration) ? { durationMs: Math.round(duration * 1000) } : {}),
    ...(video.width && video.height ? { width: sideways ? video.height : video.width, height: sideways ? video.width : video.height } : {}),
    ...(video.codec_name ? { codec: video.codec_name } : {}),
    ...(rotation ? { rotation } : {}),
    ...(creationTime && Number.isFinite(creationTime.getTime()) && creationTime.getTime() > 0 ? { creationTime } : {}),
    ...(location ? { latitude: Number(location[1]), longitude: Number(location[2]) } : {}),
    ...(tags["com.apple.quicktime.make"] ? { make: tags["com.apple.quicktime.make"] } : {}),
    ...(tags["com.apple.quicktime.model"] ? { model: tags["com.apple.quicktime.model"] } : {}),
  };
}

/**
 * Picks a representative frame (PNG bytes) for a video's poster and thumbnails: ffmpeg's
 * `thumbnail` filter chooses, among the first 48 frames from a tenth in (at most 3 s; the start
 * of a short clip), the one closest to their average — not a black or blurred first frame. The
 * frames are scaled to 1280 px first so a 4K/8K video does not hold 48 full frames in memory.
 */
export async function extractPosterFrame(filePath: string, ffmpeg: string, durationMs: number | undefined): Promise<Buffer> {
  const at = durationMs && durationMs > 2000 ? Math.min(3, durationMs / 10000) : 0;
  const { stdout } = await run(
    ffmpeg,
    ["-v", "error", "-nostdin", ...(at > 0 ? ["-ss", at.toFixed(2)] : []), "-i", filePath, "-vf", "scale='min(1280,iw)':-2,thumbnail=48", "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"],
    { timeout: 60_000, maxBuffer: 256 * 1024 * 1024, encoding: "buffer" },
  );
  if (stdout.length === 0) throw new Error("ffmpeg produced no frame");
  return stdout;
}
