// Decodes a photo into upright RGB pixels for OCR, bounded in size.
import sharp from "sharp";
import type { RgbImage } from "./ocr-types";

/** Upright size of the original, plus its pixels scaled so the long side is at most `maxSide`. */
export type UprightImage = { width: number; height: number; pixels: RgbImage };

/**
 * Decodes `input` (any format sharp reads), applies the EXIF orientation, flattens transparency onto
 * white and returns packed RGB no larger than `maxSide` on the long side (never enlarged), so memory
 * stays bounded for huge photos. `width`/`height` are the original upright size. Throws an Error
 * naming the cause when the bytes are not a decodable image.
 */
export async function loadUprightImage(input: Buffer, maxSide: number): Promise<UprightImage> {
  try {
    const meta = await sharp(input).metadata();
    const { width, height } = meta.autoOrient;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const { data, info } = await sharp(input)
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: "fill" })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return { width, height, pixels: { data, width: info.width, height: info.height } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`OCR: cannot decode image: ${reason}`, { cause: error });
  }
}
