import { AppError } from "@/lib/errors";
import { readableOriginal } from "@/lib/libraries/read-original";
import { isRawMime } from "@/lib/media/detect-type";
import { openImage, PixelLimitError, UndecodableError } from "@/lib/media/image-source";
import { turnImage } from "@/lib/media/turn-image";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { FULL_DERIVATIVE } from "./apply-asset-edit";
import { openDerivative } from "./open-derivative";
import { openOriginal, type StoredFile } from "./open-original";
import { storeDerivatives } from "./store-derivatives";

/** Types every browser decodes (and turns by their EXIF orientation): served as they are. */
export const BROWSER_IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"]);

const rendering = new Map<string, Promise<void>>();

/**
 * A photo at its full resolution, upright and turned as the owner turned it: the original itself
 * when a browser decodes it and no turn applies, else a full-size JPEG rendition made on the
 * first request (HEIC/HEIF, TIFF, RAW previews, turned photos) and kept as the `full` derivative.
 * Concurrent first requests share one render. Not a photo, or bytes that cannot be decoded:
 * unsupported_type / not_ready with the reason.
 */
export async function openFullImage(db: Db, paths: LibraryPaths, id: string, maxPixels: number): Promise<StoredFile> {
  const asset = await db.asset.findUnique({ where: { id }, select: { id: true, sha256: true, ext: true, kind: true, mimeType: true, originalName: true, orientation: true, edit: { select: { rotation: true } } } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  if (asset.kind !== "photo") throw new AppError("unsupported_type", "Only photos have a full-resolution view.");
  const rotation = asset.edit?.rotation ?? 0;
  if (BROWSER_IMAGE_TYPES.has(asset.mimeType) && rotation === 0) return openOriginal(db, paths, id);
  const ready = await openDerivative(db, paths, id, FULL_DERIVATIVE);
  if (ready.state === "ready") return ready.file;
  let render = rendering.get(id);
  if (!render) {
    render = renderFull(db, paths, { ...asset, rotation }, maxPixels).finally(() => rendering.delete(id));
    rendering.set(id, render);
  }
  await render;
  const made = await openDerivative(db, paths, id, FULL_DERIVATIVE);
  if (made.state !== "ready") throw new AppError("not_ready", "The full-resolution view could not be made.");
  return made.file;
}

async function renderFull(db: Db, paths: LibraryPaths, asset: { id: string; sha256: string; ext: string; mimeType: string; originalName: string; orientation: number | null; rotation: number }, maxPixels: number): Promise<void> {
  const { path: file } = await readableOriginal(db, paths, asset);
  try {
    const image = await turnImage(await openImage({ path: file, mime: asset.mimeType, raw: isRawMime(asset.mimeType), orientation: asset.orientation }, maxPixels), asset.rotation);
    const { data, info } = await image.jpeg({ quality: 90, mozjpeg: false }).toBuffer({ resolveWithObject: true });
    await storeDerivatives(db, paths, asset, [{ kind: FULL_DERIVATIVE, fileName: `full-${asset.rotation}.jpg`, mime: "image/jpeg", data, width: info.width, height: info.height }]);
  } catch (error) {
    if (error instanceof UndecodableError || error instanceof PixelLimitError) throw new AppError("not_ready", `This photo cannot be shown at full resolution: ${error.message}`);
    throw error;
  }
}
