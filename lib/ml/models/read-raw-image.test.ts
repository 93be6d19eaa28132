import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readRawImage } from "./read-raw-image";

/** 60×20 stored pixels: left third red, rest blue; tagged with the given EXIF orientation. */
function striped(orientation: number): Promise<Buffer> {
  const width = 60, height = 20;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.set(x < 20 ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png().withMetadata({ orientation }).toBuffer();
}

describe("readRawImage", () => {
  it("applies the EXIF orientation before anything else sees the pixels", async () => {
    // Orientation 6 = shown rotated 90° clockwise: the stored left edge becomes the top.
    const image = await readRawImage(await striped(6));
    expect([image.width, image.height, image.channels]).toEqual([20, 60, 3]);
    expect(Array.from(image.data.slice(0, 3))).toEqual([255, 0, 0]);
    const bottom = (59 * 20 + 10) * 3;
    expect(Array.from(image.data.slice(bottom, bottom + 3))).toEqual([0, 0, 255]);
  });

  it("shrinks large images to the short-side bound and drops alpha", async () => {
    const grey = await sharp({ create: { width: 3000, height: 1000, channels: 4, background: { r: 128, g: 128, b: 128, alpha: 0.5 } } }).png().toBuffer();
    const image = await readRawImage(grey, 224);
    expect([image.width, image.height, image.channels]).toEqual([672, 224, 3]);
    expect(image.data).toHaveLength(672 * 224 * 3);
  });

  it("rejects bytes that are not an image", async () => {
    await expect(readRawImage(Buffer.from("nope"))).rejects.toThrow();
  });
});
