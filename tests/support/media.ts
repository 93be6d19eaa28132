import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Encodes a short test video with Debian's ffmpeg (testsrc pattern), returning its bytes. */
export function makeVideo(ext: "mp4" | "mov" | "webm" | "mkv" | "3gp", options: { seconds?: number; width?: number; height?: number; creationTime?: string } = {}): Buffer {
  const { seconds = 2, width = 320, height = 240, creationTime } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-video-"));
  const out = path.join(dir, `clip.${ext}`);
  const codec = ext === "webm" ? ["-c:v", "libvpx-vp9", "-deadline", "realtime"] : ext === "3gp" ? ["-c:v", "mpeg4"] : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
  const size = ext === "3gp" ? "176x144" : `${width}x${height}`;
  execFileSync("ffmpeg", [
    "-v", "error", "-y", "-f", "lavfi", "-i", `testsrc=size=${size}:rate=10:duration=${seconds}`, ...codec,
    ...(creationTime ? ["-metadata", `creation_time=${creationTime}`] : []), out,
  ]);
  const data = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return data;
}

/** A Google-style Motion Photo: JPEG with MicroVideo XMP whose offset points at an appended MP4. */
export function makeMotionPhoto(jpeg: Buffer, mp4: Buffer): Buffer {
  const xmp =
    `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" GCamera:MicroVideo="1" GCamera:MicroVideoVersion="1" ` +
    `GCamera:MicroVideoOffset="${mp4.length}" GCamera:MicroVideoPresentationTimestampUs="0"/></rdf:RDF></x:xmpmeta>`;
  const payload = Buffer.from(xmp, "latin1");
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  // Insert the APP1 XMP segment right after SOI.
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2), mp4]);
}

/** A Samsung-style Motion Photo: the MP4 follows the JPEG after a `MotionPhoto_Data` marker, no XMP offset. */
export function makeSamsungMotionPhoto(jpeg: Buffer, mp4: Buffer): Buffer {
  return Buffer.concat([jpeg, Buffer.from("MotionPhoto_Data", "latin1"), mp4, Buffer.from("SEFHxxxxSEFT", "latin1")]);
}
