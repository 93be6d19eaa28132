// Decodes a photo for face analysis: upright (EXIF applied), RGB, bounded in size.
import sharp from "sharp";
import type { RgbImage } from "./face-types";

/** Faces are cut from the photo at full resolution (small faces need every pixel, see
 * MIN_CLUSTER_FACE_SIZE) up to this long side (24 MP at 3:2, ~72 MB decoded), which bounds memory. */
const WORKING_MAX_SIDE = 6000;

/**
 * Upright size of the photo plus an RGB copy of it no larger than WORKING_MAX_SIDE. An
 * undecodable buffer rejects with an Error saying so.
 */
export async function decodeUpright(image: Buffer): Promise<{ width: number; height: number; working: RgbImage }> {
  try {
    const meta = await sharp(image, { failOn: "error" }).metadata();
    const { data, info } = await sharp(image, { failOn: "error", animated: false })
      .rotate()
      .resize({ width: WORKING_MAX_SIDE, height: WORKING_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 colour channels, got ${info.channels}`);
    const upright = meta.autoOrient ?? { width: info.width, height: info.height };
    return { width: upright.width, height: upright.height, working: { data, width: info.width, height: info.height } };
  } catch (error) {
    throw new Error(`Cannot decode the image for face analysis: ${(error as Error).message}`, { cause: error });
  }
}
