import { isRawMime } from "@/lib/media/detect-type";

/**
 * Very large photos are zoomed through tiles (lib/assets/open-image-tile.ts) rather than one
 * full-size image: above this many pixels a phone's browser may run out of memory decoding the
 * whole photo (100 MP is 400 MB of pixels), while a screenful of tiles stays a few megapixels.
 */
export const TILE_ABOVE_PIXELS = 40_000_000;
export const TILE_SIZE = 512;
export const TILES_DERIVATIVE = "tiles";

/** How a viewer reaches a very large photo's tiles: `${url}/${level}/${col}/${row}?r=${turn}`; levels as in Deep Zoom. */
export type ImageTiles = { url: string; turn: number; width: number; height: number; tileSize: number; maxLevel: number };

/**
 * The tiles of a photo of this (upright, turned) size, or null when one full-size image will do.
 * Not for RAW files: they are shown from their embedded preview, whose size is not the sensor's.
 */
export function imageTilesOf(asset: { id: string; kind: string; mimeType: string; width: number | null; height: number | null }, turn: number): ImageTiles | null {
  if (asset.kind !== "photo" || isRawMime(asset.mimeType) || !asset.width || !asset.height || asset.width * asset.height <= TILE_ABOVE_PIXELS) return null;
  return { url: `/api/assets/${asset.id}/tiles`, turn, width: asset.width, height: asset.height, tileSize: TILE_SIZE, maxLevel: Math.ceil(Math.log2(Math.max(asset.width, asset.height))) };
}
