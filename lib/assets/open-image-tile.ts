import { randomUUID } from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { readableOriginal } from "@/lib/libraries/read-original";
import { isRawMime } from "@/lib/media/detect-type";
import { openImage, PixelLimitError, UndecodableError } from "@/lib/media/image-source";
import { turnImage } from "@/lib/media/turn-image";
import type { Db } from "@/lib/server/db";
import { derivedDir, resolveUnder, type LibraryPaths } from "@/lib/server/paths";
import { TILE_SIZE, TILES_DERIVATIVE } from "./image-tiles";
import type { StoredFile } from "./open-original";

const rendering = new Map<string, Promise<void>>();

/**
 * One tile of a very large photo's deep-zoom pyramid (`level` as in Deep Zoom: the last level is
 * the full resolution, each one before it half as large; tiles of TILE_SIZE pixels, JPEG), upright
 * and turned as the owner turned it. The whole pyramid is made on the first request (concurrent
 * requests share one render) and kept as the `tiles` derivative, so a phone only ever decodes the
 * few tiles in view, never the whole photo. A tile outside the pyramid: not_found.
 */
export async function openImageTile(db: Db, paths: LibraryPaths, id: string, tile: { level: number; col: number; row: number }, maxPixels: number): Promise<StoredFile> {
  const asset = await db.asset.findUnique({ where: { id }, select: { id: true, sha256: true, ext: true, kind: true, mimeType: true, originalName: true, orientation: true, edit: { select: { rotation: true } } } });
  if (!asset) throw new AppError("not_found", "No such asset.");
  if (asset.kind !== "photo") throw new AppError("unsupported_type", "Only photos have tiles.");
  let pyramid = await db.derivative.findUnique({ where: { assetId_kind: { assetId: id, kind: TILES_DERIVATIVE } }, select: { relPath: true, etag: true } });
  if (!pyramid) {
    let render = rendering.get(id);
    if (!render) {
      render = renderPyramid(db, paths, { ...asset, rotation: asset.edit?.rotation ?? 0 }, maxPixels).finally(() => rendering.delete(id));
      rendering.set(id, render);
    }
    await render;
    pyramid = await db.derivative.findUniqueOrThrow({ where: { assetId_kind: { assetId: id, kind: TILES_DERIVATIVE } }, select: { relPath: true, etag: true } });
  }
  const dzi = resolveUnder(paths.derived, pyramid.relPath);
  const file = path.join(dzi.replace(/\.dzi$/, "_files"), String(tile.level), `${tile.col}_${tile.row}.jpeg`);
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError("not_found", "No such tile.");
  return { path: file, size: stat.size, mime: "image/jpeg", etag: `"${pyramid.etag.replaceAll('"', "")}-${tile.level}-${tile.col}-${tile.row}"`, fileName: `tile-${tile.level}-${tile.col}-${tile.row}.jpeg` };
}

/** Writes the pyramid in the temp folder, then moves it whole into the photo's derived folder and records it. */
async function renderPyramid(db: Db, paths: LibraryPaths, asset: { id: string; sha256: string; ext: string; mimeType: string; originalName: string; orientation: number | null; rotation: number }, maxPixels: number): Promise<void> {
  const { path: original } = await readableOriginal(db, paths, asset);
  const work = path.join(paths.tmp, `tiles-${randomUUID()}`);
  const destination = path.join(derivedDir(paths, asset.sha256), `tiles-${asset.rotation}`);
  try {
    const image = await turnImage(await openImage({ path: original, mime: asset.mimeType, raw: isRawMime(asset.mimeType), orientation: asset.orientation }, maxPixels), asset.rotation);
    await image.jpeg({ quality: 85 }).tile({ size: TILE_SIZE, layout: "dz" }).toFile(path.join(work, "pyramid.dz"));
  } catch (error) {
    if (error instanceof UndecodableError || error instanceof PixelLimitError) throw new AppError("not_ready", `This photo cannot be shown at full resolution: ${error.message}`);
    throw error;
  }
  await fsp.mkdir(path.dirname(destination), { recursive: true });
  // The same turn tiled before (turned away and back): that complete pyramid is kept and used again.
  await fsp.rename(work, destination).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
  });
  const dzi = path.join(destination, "pyramid.dzi");
  const stat = await fsp.stat(dzi);
  const row = { relPath: path.relative(paths.derived, dzi), mime: "application/xml", bytes: stat.size, etag: `"${asset.sha256.slice(0, 16)}-${asset.rotation}"` };
  await db.derivative.upsert({ where: { assetId_kind: { assetId: asset.id, kind: TILES_DERIVATIVE } }, create: { assetId: asset.id, kind: TILES_DERIVATIVE, ...row }, update: row });
}
