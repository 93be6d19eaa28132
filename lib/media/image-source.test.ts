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
