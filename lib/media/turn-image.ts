import sharp, { type Sharp } from "sharp";

/**
 * Turns an upright pipeline clockwise by the owner's rotation (0, 90, 180, 270). The pixels are
 * materialised first: libvips allows one rotation per pipeline, and the upright one (EXIF
 * orientation) is already taken.
 */
export async function turnImage(image: Sharp, degrees: number): Promise<Sharp> {
  if (!degrees) return image;
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).rotate(degrees);
}
