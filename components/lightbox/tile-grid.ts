import type { ImageTiles } from "@/lib/assets/image-tiles";

export type ZoomState = { scale: number; x: number; y: number };
/** A tile to draw, placed in the viewer box's (untransformed) pixels. */
export type PlacedTile = { key: string; src: string; level: number; left: number; top: number; width: number; height: number };

/**
 * The tiles of the one pyramid level whose pixels match the screen's at this zoom (no finer: a
 * phone decodes a screenful of tiles, never the whole photo) that intersect the visible part of a
 * `box` (the viewer's size) showing the photo contained and centred, zoomed by `zoom` about its centre.
 */
export function visibleTiles(tiles: ImageTiles, box: { width: number; height: number }, zoom: ZoomState, devicePixelRatio: number): PlacedTile[] {
  const fit = Math.min(box.width / tiles.width, box.height / tiles.height);
  if (!(fit > 0)) return [];
  const [offsetX, offsetY] = [(box.width - tiles.width * fit) / 2, (box.height - tiles.height * fit) / 2];
  // Screen pixels per photo pixel; each level down halves the photo.
  const shown = fit * zoom.scale * devicePixelRatio;
  const down = Math.max(0, Math.min(tiles.maxLevel, Math.floor(Math.log2(1 / shown))));
  const level = tiles.maxLevel - down;
  const factor = 2 ** down;
  const [levelWidth, levelHeight] = [Math.ceil(tiles.width / factor), Math.ceil(tiles.height / factor)];
  // The box's part on screen: screen = centre + shift + scale × (point − centre).
  const [cx, cy] = [box.width / 2, box.height / 2];
  const visible = { left: cx - (cx + zoom.x) / zoom.scale, right: cx + (box.width - cx - zoom.x) / zoom.scale, top: cy - (cy + zoom.y) / zoom.scale, bottom: cy + (box.height - cy - zoom.y) / zoom.scale };
  const span = tiles.tileSize * factor * fit; // one tile's size in box pixels
  const range = (from: number, to: number, offset: number, count: number) => [Math.max(0, Math.floor((from - offset) / span)), Math.min(count - 1, Math.floor((to - offset) / span))] as const;
  const [col0, col1] = range(visible.left, visible.right, offsetX, Math.ceil(levelWidth / tiles.tileSize));
  const [row0, row1] = range(visible.top, visible.bottom, offsetY, Math.ceil(levelHeight / tiles.tileSize));
  const placed: PlacedTile[] = [];
  for (let row = row0; row <= row1; row += 1) {
    for (let col = col0; col <= col1; col += 1) {
      placed.push({
        key: `${level}/${col}/${row}`,
        src: `${tiles.url}/${level}/${col}/${row}?r=${tiles.turn}`,
        level,
        left: offsetX + col * span,
        top: offsetY + row * span,
        width: (Math.min(tiles.tileSize, levelWidth - col * tiles.tileSize) * factor * fit),
        height: (Math.min(tiles.tileSize, levelHeight - row * tiles.tileSize) * factor * fit),
      });
    }
  }
  return placed;
}
