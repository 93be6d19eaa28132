import { describe, expect, it } from "vitest";
import { findEmbeddedVideo } from "./motion-photo";

function box(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(body.length + 8, 0);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

const mp4 = Buffer.concat([box("ftyp", Buffer.from("isom\0\0\0\0isomiso2", "latin1")), box("moov", Buffer.alloc(40, 1)), box("mdat", Buffer.alloc(300, 2))]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7), Buffer.from([0xff, 0xd9])]);

describe("findEmbeddedVideo", () => {
  it("uses the XMP offset counted from the end of the file", () => {
    const file = Buffer.concat([jpeg, mp4]);
    expect(findEmbeddedVideo(file, mp4.length)).toEqual({ offset: jpeg.length, length: mp4.length });
  });

  it("finds an MP4 after the still without XMP, stopping before a trailer", () => {
    const file = Buffer.concat([jpeg, Buffer.from("MotionPhoto_Data"), mp4, Buffer.from("SEFHtrailerSEFT")]);
    expect(findEmbeddedVideo(file)).toEqual({ offset: jpeg.length + 16, length: mp4.length });
  });

  it("ignores a HEIC's own ftyp and plain stills", () => {
    const heic = Buffer.concat([box("ftyp", Buffer.from("heic\0\0\0\0mif1heic", "latin1")), box("meta", Buffer.alloc(50)), box("mdat", Buffer.alloc(100))]);
    expect(findEmbeddedVideo(heic)).toBeNull();
    expect(findEmbeddedVideo(jpeg)).toBeNull();
    expect(findEmbeddedVideo(Buffer.concat([heic, mp4]))).toEqual({ offset: heic.length, length: mp4.length });
  });

  it("stays linear on a still packed with ftyp boxes", () => {
    // 128 KiB of 16-byte ftyp boxes: every candidate re-walked all the boxes after it (7 s here; a
    // 4 MB still would take about an hour). Each box is now walked once.
    const ftyps = Buffer.alloc(128 * 1024).fill(box("ftyp", Buffer.from("isom\0\0\0\0", "latin1")));
    const started = performance.now();
    expect(findEmbeddedVideo(Buffer.concat([jpeg, ftyps]))).toBeNull();
    expect(findEmbeddedVideo(Buffer.concat([jpeg, ftyps, mp4]))).toEqual({ offset: jpeg.length, length: ftyps.length + mp4.length });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("rejects a truncated video", () => {
    expect(findEmbeddedVideo(Buffer.concat([jpeg, mp4.subarray(0, mp4.length - 10)]))).toBeNull();
  });
});
