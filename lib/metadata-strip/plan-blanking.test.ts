import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import exifr from "exifr";
import { afterAll, describe, expect, it } from "vitest";
import { makeMotionPhoto } from "@/tests/support/media";
import { sharedPath } from "@/tests/support/shared";
import { readPatched } from "./patches";
import { planBlanking } from "./plan-blanking";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blanking-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function served(file: string, mime: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of readPatched(file, await planBlanking(file, mime), 0, fs.statSync(file).size - 1)) parts.push(chunk);
  return Buffer.concat(parts);
}

describe("planBlanking", () => {
  it("blanks a Motion Photo's JPEG metadata and the location inside its appended video", async () => {
    const mp4 = path.join(dir, "clip.mp4");
    execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-metadata", "location=+48.8584+002.2945/", mp4]);
    const motion = makeMotionPhoto(fs.readFileSync(sharedPath("fixtures", "photos", "jpg", "Kodak_CX7530.jpg")), fs.readFileSync(mp4));
    const file = path.join(dir, "motion.jpg");
    fs.writeFileSync(file, motion);
    const out = await served(file, "image/jpeg");
    expect(out.length).toBe(motion.length);
    expect(await exifr.gps(out)).toBeFalsy();
    // The video still plays: same packets as the one appended.
    const video = path.join(dir, "out.mp4");
    fs.writeFileSync(video, out.subarray(out.length - fs.statSync(mp4).size));
    const location = (f: string) => execFileSync("ffprobe", ["-v", "error", "-show_entries", "format_tags=location", "-of", "csv=p=0", f]).toString().trim();
    expect(location(mp4)).toBe("+48.8584+002.2945/");
    expect(location(video)).toBe("");
    const packets = (f: string) => execFileSync("ffmpeg", ["-v", "error", "-i", f, "-map", "0:v", "-c", "copy", "-f", "md5", "-"]).toString();
    expect(packets(video)).toBe(packets(mp4));
  });

  it("leaves types it does not know untouched", async () => {
    const file = path.join(dir, "doc.pdf");
    fs.writeFileSync(file, "%PDF-1.4 GPS");
    expect(await planBlanking(file, "application/pdf")).toEqual([]);
  });
});
