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

/** Runs ffprobe on a video. Throws when ffprobe is missing or cannot read the file. */
export async function probeVideo(filePath: string, ffprobe: string): Promise<VideoMetadata> {
  const { stdout } = await run(ffprobe, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", filePath], {
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const probe = JSON.parse(stdout) as FfprobeOutput;
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

/** Grabs one frame (PNG bytes) near the start of a video, for its poster and thumbnails. */
export async function extractPosterFrame(filePath: string, ffmpeg: string, durationMs: number | undefined): Promise<Buffer> {
  const at = durationMs && durationMs > 2000 ? 1 : 0;
  const { stdout } = await run(
    ffmpeg,
    ["-v", "error", "-nostdin", "-ss", String(at), "-i", filePath, "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"],
    { timeout: 60_000, maxBuffer: 256 * 1024 * 1024, encoding: "buffer" },
  );
  if (stdout.length === 0) throw new Error("ffmpeg produced no frame");
  return stdout;
}
