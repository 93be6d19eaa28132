import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectType, mimeForExt } from "./detect-type";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-detect-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A 0.2 s clip in `file` made by ffmpeg with these codec arguments. */
function clip(file: string, args: string[]): string {
  const out = path.join(dir, file);
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=176x144:rate=10:duration=0.2", "-f", "lavfi", "-i", "sine=duration=0.2:sample_rate=8000", ...args, out]);
  return out;
}

describe("detectType: videos from older cameras are accepted as originals", () => {
  it.each([
    ["mpeg2.avi", ["-c:v", "mpeg2video", "-c:a", "mp2", "-ar", "32000"], "avi", "video/x-msvideo"],
    ["mjpeg.avi", ["-c:v", "mjpeg", "-c:a", "pcm_s16le"], "avi", "video/x-msvideo"],
    ["mpeg4.avi", ["-c:v", "mpeg4", "-c:a", "pcm_s16le"], "avi", "video/x-msvideo"],
    ["camcorder.m2ts", ["-c:v", "mpeg2video", "-c:a", "mp2", "-ar", "32000", "-f", "mpegts"], "mts", "video/mp2t"],
    ["old.wmv", ["-c:v", "wmv2", "-c:a", "wmav2"], "wmv", "video/x-ms-wmv"],
    ["old.flv", ["-c:v", "flv1", "-c:a", "pcm_s16le", "-ar", "11025"], "flv", "video/x-flv"],
    ["phone.3gp", ["-c:v", "h263", "-c:a", "aac", "-ac", "1"], "3gp", "video/3gpp"],
    ["dvd.mpg", ["-c:v", "mpeg2video", "-c:a", "mp2", "-ar", "32000", "-f", "vob"], "mpg", "video/mpeg"],
  ])("%s", async (file, args, ext, served) => {
    const type = await detectType(clip(file, args));
    expect(type).toMatchObject({ kind: "video", ext });
    expect(mimeForExt(ext)).toBe(served);
  });
});
