import { RawImage } from "@huggingface/transformers";
import sharp from "sharp";

/**
 * Decodes an image buffer into an upright 8-bit sRGB RawImage for transformers.js: EXIF
 * orientation applied, alpha dropped, and shrunk (never enlarged) so the shorter side is at most
 * `maxShortSide` — the processors resize further themselves; this bounds memory on huge photos.
 */
export async function readRawImage(image: Buffer, maxShortSide = 448): Promise<RawImage> {
  const { data, info } = await sharp(image, { failOn: "error" })
    .rotate()
    .resize({ width: maxShortSide, height: maxShortSide, fit: "outside", withoutEnlargement: true, kernel: "lanczos3" })
    .toColourspace("srgb")
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new RawImage(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, 3);
}
