// The videos issue 18 is about, made with ffmpeg once per test file: 2.5 s, small, with motion
// (testsrc2) and a tone so decoders and the seek have real work.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type ClipName = "hevc10.mp4" | "hdr10.mp4" | "rotated.mov" | "mpeg2.avi" | "h264.mp4";

const SOURCE = (seconds: number, size: string) => ["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=24:duration=${seconds}`, "-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`];
const X265 = ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le"];

const RECIPES: Record<ClipName, (seconds: number, size: string) => string[]> = {
  // A Galaxy/iPhone-style HEVC Main 10 clip (SDR).
  "hevc10.mp4": (s, size) => [...SOURCE(s, size), ...X265, "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac"],
  // HDR10: HEVC Main 10 with BT.2020 primaries and the PQ (SMPTE 2084) transfer.
  "hdr10.mp4": (s, size) => [
    ...SOURCE(s, size), ...X265, "-x265-params", "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc",
    "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc", "-tag:v", "hvc1", "-c:a", "aac",
  ],
  // An MPEG-2 AVI from an old camera.
  "mpeg2.avi": (s, size) => [...SOURCE(s, size), "-c:v", "mpeg2video", "-q:v", "4", "-c:a", "mp2"],
  // Plays everywhere: H.264 High 8-bit + AAC, index at the front.
  "h264.mp4": (s, size) => [...SOURCE(s, size), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"],
  // Made below: an H.264 MOV held sideways (rotation in the display matrix).
  "rotated.mov": (s, size) => [...SOURCE(s, size), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
};

/** Writes the clips (`seconds` long, landscape `size`) into `dir` (once) and returns their paths by name. */
export function makeVideoClips(dir: string, seconds = 2.5, size = "480x270"): Record<ClipName, string> {
  fs.mkdirSync(dir, { recursive: true });
  const out = {} as Record<ClipName, string>;
  for (const name of Object.keys(RECIPES) as ClipName[]) {
    const file = path.join(dir, name);
    out[name] = file;
    if (fs.existsSync(file)) continue;
    const target = name === "rotated.mov" ? path.join(dir, "upright.mov") : file;
    execFileSync("ffmpeg", ["-v", "error", "-y", ...RECIPES[name](seconds, size), target]);
    // ffmpeg 5 writes a rotation only when stream-copying with the rotate tag.
    if (name === "rotated.mov") execFileSync("ffmpeg", ["-v", "error", "-y", "-i", target, "-c", "copy", "-metadata:s:v:0", "rotate=90", file]);
  }
  return out;
}
