/** What decides whether browsers play a video as is, read from ffprobe's JSON (`-show_format -show_streams`). */
export type PlaybackFacts = {
  /** The stored type of the file (video/mp4, video/quicktime, video/vnd.avi…). */
  mime: string;
  videoCodec: string | null;
  profile: string | null;
  pixFmt: string | null;
  /** color_transfer: smpte2084 (PQ, HDR10/HDR10+/Dolby Vision 8.1) or arib-std-b67 (HLG) mean HDR. */
  transfer: string | null;
  /** Display size (rotation applied). */
  width: number;
  height: number;
  rotation: number;
  audioCodec: string | null;
  durationMs: number | null;
};

type ProbeStream = {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  color_transfer?: string;
  width?: number;
  height?: number;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
};
export type ProbeJson = { streams?: ProbeStream[]; format?: { duration?: string } };

/** The facts the rule needs, from ffprobe's output; null when the file has no video stream. */
export function playbackFacts(probe: ProbeJson, mime: string): PlaybackFacts | null {
  const video = probe.streams?.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  if (!video) return null;
  const audio = probe.streams?.find((s) => s.codec_type === "audio");
  const rotation = ((Math.round(video.side_data_list?.find((d) => typeof d.rotation === "number")?.rotation ?? Number(video.tags?.rotate ?? 0)) % 360) + 360) % 360;
  const sideways = rotation === 90 || rotation === 270;
  const duration = Number(probe.format?.duration);
  return {
    mime,
    videoCodec: video.codec_name ?? null,
    profile: video.profile ?? null,
    pixFmt: video.pix_fmt ?? null,
    transfer: video.color_transfer ?? null,
    width: (sideways ? video.height : video.width) ?? 0,
    height: (sideways ? video.width : video.height) ?? 0,
    rotation,
    audioCodec: audio?.codec_name ?? null,
    durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : null,
  };
}

const PLAYABLE_CONTAINERS = new Set(["video/mp4", "video/x-m4v"]);
const PLAYABLE_PROFILES = new Set(["Baseline", "Constrained Baseline", "Main", "High"]);
const PLAYABLE_PIXEL_FORMATS = new Set(["yuv420p", "yuvj420p"]);
const PLAYABLE_AUDIO = new Set(["aac", "mp3"]);
const HDR_TRANSFERS = new Set(["smpte2084", "arib-std-b67"]);

/** Whether the transfer is HDR (PQ or HLG): the rendition tone-maps it to SDR. */
export function isHdr(facts: Pick<PlaybackFacts, "transfer">): boolean {
  return facts.transfer !== null && HDR_TRANSFERS.has(facts.transfer);
}

/**
 * The one rule for renditions: a video plays as is in every browser only when it is H.264
 * (Baseline/Main/High, 8-bit 4:2:0, SDR) with AAC/MP3 or no audio in an MP4, no larger than
 * `resolution` on its shorter side (1080: up to 1920×1080, either way up). Anything else (HEVC, 10-bit, HDR, MOV/AVI/MPEG/WMV/FLV/3GP
 * containers, MPEG-2/4 Part 2/MJPEG, oversized) gets a rendition; the reasons say why.
 */
export function renditionReasons(facts: PlaybackFacts, resolution: number): string[] {
  const reasons: string[] = [];
  if (!PLAYABLE_CONTAINERS.has(facts.mime)) reasons.push(`container ${facts.mime}`);
  if (facts.videoCodec !== "h264") reasons.push(`codec ${facts.videoCodec ?? "unknown"}`);
  else if (!facts.profile || !PLAYABLE_PROFILES.has(facts.profile)) reasons.push(`H.264 profile ${facts.profile ?? "unknown"}`);
  if (!facts.pixFmt || !PLAYABLE_PIXEL_FORMATS.has(facts.pixFmt)) reasons.push(`pixel format ${facts.pixFmt ?? "unknown"}`);
  if (isHdr(facts)) reasons.push(`HDR transfer ${facts.transfer}`);
  if (facts.audioCodec && !PLAYABLE_AUDIO.has(facts.audioCodec)) reasons.push(`audio ${facts.audioCodec}`);
  if (Math.min(facts.width, facts.height) > resolution) reasons.push(`size ${facts.width}×${facts.height} over ${resolution}p`);
  return reasons;
}
