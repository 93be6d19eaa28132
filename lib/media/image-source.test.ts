import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { largestEmbeddedJpeg, openImage, UndecodableError } from "./image-source";

async function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
}

describe("RAW previews", () => {
  it("finds the largest complete embedded JPEG in a RAW-like container", async () => {
    const small = await jpeg(160, 120);
    const large = await jpeg(1600, 1200);
    const container = Buffer.concat([Buffer.from("II*\0fake-tiff-header"), small, Buffer.alloc(64, 0x11), large, Buffer.alloc(32, 0x22)]);
    expect(largestEmbeddedJpeg(container)?.equals(large)).toBe(true);
    expect(largestEmbeddedJpeg(Buffer.from("no jpeg here"))).toBeNull();
  });

  it("stays linear on a file of JPEG starts whose scans never end", async () => {
    // 256 KiB of SOI + SOS without EOI: each start's scan ran to the end of the file (12 s here; a
    // 2 MB .cr2 blocked the worker 18 minutes). Linear, it takes milliseconds.
    const hostile = Buffer.concat([Buffer.from("II*\0"), Buffer.alloc(256 * 1024).fill(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))]);
    const preview = await jpeg(320, 240);
    const started = performance.now();
    expect(largestEmbeddedJpeg(hostile)).toBeNull();
    expect(largestEmbeddedJpeg(Buffer.concat([preview, hostile]))?.equals(preview)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("renders the preview upright using the RAW's own orientation", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "albums-raw-"));
    const file = path.join(dir, "shot.dng");
    fs.writeFileSync(file, Buffer.concat([Buffer.from("II*\0"), Buffer.alloc(100), await jpeg(600, 400)]));
    const image = await openImage({ path: file, mime: "image/x-adobe-dng", raw: true, orientation: 6 }, 100e6);
    const { info } = await image.toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([400, 600]);
    fs.writeFileSync(file, Buffer.concat([Buffer.from("II*\0"), Buffer.alloc(100)]));
    await expect(openImage({ path: file, mime: "image/x-adobe-dng", raw: true }, 100e6)).rejects.toBeInstanceOf(UndecodableError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
