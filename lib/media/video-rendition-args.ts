import { isHdr, type PlaybackFacts } from "./rendition-rule";

export type VideoEncoder = { encoder: "software" | "vaapi" | "qsv"; device: string };

/** Even output size whose shorter side fits `resolution` (1080: 1080p either way up), never upscaled. */
export function fitSize(width: number, height: number, resolution: number): { width: number; height: number } {
  const scale = Math.min(1, resolution / Math.max(Math.min(width, height), 1));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}

/**
 * HDR (PQ/HLG, BT.2020) to SDR BT.709 with zimg (zscale) and the Hable curve; without zimg
 * (`zscale: false`) the pixels are only converted to 8-bit and tagged BT.709: playable, but
 * colours look flat and washed out.
 */
export function toneMapFilter(zscale: boolean): string {
  if (!zscale) return "format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709";
  return "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p";
}

function videoFilter(facts: PlaybackFacts, size: { width: number; height: number }, zscale: boolean): string {
  // ffmpeg applies the rotation (autorotate) before this chain, so the size is the display size.
  const steps = [`scale=${size.width}:${size.height}`, isHdr(facts) ? toneMapFilter(zscale) : "format=yuv420p"];
  return steps.join(",");
}

/** The encoder's arguments: `input` goes before `-i` (device set-up), `output` after it. */
function encoderArgs(video: VideoEncoder, filter: string, quality: number): { input: string[]; output: string[] } {
  if (video.encoder === "vaapi") {
    return { input: ["-vaapi_device", video.device], output: ["-vf", `${filter},format=nv12,hwupload`, "-c:v", "h264_vaapi", "-profile:v", "high", "-qp", String(quality)] };
  }
  if (video.encoder === "qsv") return { input: [], output: ["-vf", `${filter},format=nv12`, "-c:v", "h264_qsv", "-profile:v", "high", "-global_quality", String(quality)] };
  return { input: [], output: ["-vf", filter, "-c:v", "libx264", "-preset", "veryfast", "-crf", String(quality), "-profile:v", "high", "-pix_fmt", "yuv420p"] };
}

/**
 * ffmpeg arguments (after the global ones) for the web-playable rendition: H.264 High 8-bit
 * 4:2:0 + AAC stereo in MP4 with the index at the front, shorter side ≤ `resolution`, HDR tone-mapped,
 * rotation applied, first audio track kept, metadata (GPS) not copied.
 */
export function renditionArgs(input: string, output: string, facts: PlaybackFacts, options: VideoEncoder & { resolution: number; zscale: boolean }): string[] {
  const size = fitSize(facts.width, facts.height, options.resolution);
  const filter = videoFilter(facts, size, options.zscale);
  const encoder = encoderArgs(options, filter, 23);
  return [
    "-y", ...encoder.input, "-i", input,
    "-map", "0:v:0", "-map", "0:a:0?", "-map_metadata", "-1", "-sn", "-dn",
    ...encoder.output,
    "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
    "-c:a", "aac", "-b:a", "128k", "-ac", "2",
    "-movflags", "+faststart", "-f", "mp4", output,
  ];
}

/** Seconds and longest side of the silent preview clip. */
export const PREVIEW_SECONDS = 3;
export const PREVIEW_SIDE = 320;

/**
 * ffmpeg arguments for the silent grid preview: 3 s from a tenth into the video, longest side
 * 320 px, 12 fps, H.264 in MP4 (always software: it is tiny).
 */
export function previewArgs(input: string, output: string, facts: PlaybackFacts, zscale: boolean): string[] {
  // No `-ss` at all for short clips: `-ss 0` on an AVI whose index cannot seek yields no frames.
  const seek = facts.durationMs && facts.durationMs > PREVIEW_SECONDS * 1000 * 2 ? ["-ss", (facts.durationMs / 10000).toFixed(2)] : [];
  const filter = `${videoFilter(facts, fitSize(facts.width, facts.height, PREVIEW_SIDE), zscale)},fps=12`;
  return [
    "-y", ...seek, "-i", input, "-t", String(PREVIEW_SECONDS),
    "-map", "0:v:0", "-an", "-map_metadata", "-1", "-sn", "-dn",
    ...encoderArgs({ encoder: "software", device: "" }, filter, 30).output,
    "-movflags", "+faststart", "-f", "mp4", output,
  ];
}
