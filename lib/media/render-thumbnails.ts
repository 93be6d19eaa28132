import sharp, { type Sharp } from "sharp";
import { rgbaToThumbHash } from "thumbhash";
import { perceptualHash, type PerceptualHash } from "./perceptual-hash";

export const THUMBNAIL_SIZES = { sm: 400, md: 1440 } as const;
export type ThumbnailSize = keyof typeof THUMBNAIL_SIZES;

export type RenderedThumbnail = { size: ThumbnailSize; data: Buffer; width: number; height: number };
export type RenderedThumbnails = { thumbnails: RenderedThumbnail[]; thumbhash: string; perceptualHash: PerceptualHash; width: number; height: number };

/**
 * Renders the WebP thumbnails (sm ≈ 400 px, md ≈ 1440 px long side, never enlarged) and a
 * ThumbHash placeholder and the perceptual hash (near-duplicates) from an upright image pipeline.
 */
export async function renderThumbnails(image: Sharp): Promise<RenderedThumbnails> {
  const md = await image
    .clone()
    .resize(THUMBNAIL_SIZES.md, THUMBNAIL_SIZES.md, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80, effort: 2 })
    .toBuffer({ resolveWithObject: true });
  // The small size and the placeholder come from the md rendition: one full decode per photo.
  const fromMd = sharp(md.data);
  const [sm, tiny, phash] = await Promise.all([
    fromMd
      .clone()
      .resize(THUMBNAIL_SIZES.sm, THUMBNAIL_SIZES.sm, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75, effort: 2 })
      .toBuffer({ resolveWithObject: true }),
    fromMd.clone().resize(100, 100, { fit: "inside" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true }),
    perceptualHash(fromMd),
  ]);
  const hash = rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data);
  return {
    thumbnails: [
      { size: "sm", data: sm.data, width: sm.info.width, height: sm.info.height },
      { size: "md", data: md.data, width: md.info.width, height: md.info.height },
    ],
    thumbhash: Buffer.from(hash).toString("base64"),
    perceptualHash: phash,
    width: md.info.width,
    height: md.info.height,
  };
}
