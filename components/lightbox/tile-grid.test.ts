import { describe, expect, it } from "vitest";
import { imageTilesOf } from "@/lib/assets/image-tiles";
import { visibleTiles } from "./tile-grid";

// A 100 MP panorama, 12 800 × 7 800: levels 0…14, level 14 is 25 × 16 tiles of 512 px.
const tiles = imageTilesOf({ id: "p", kind: "photo", mimeType: "image/jpeg", width: 12_800, height: 7_800 }, 0)!;
const box = { width: 1280, height: 780 };

describe("visibleTiles", () => {
  it("leaves photos up to 40 MP (and RAW files) to one full-size image", () => {
    expect(imageTilesOf({ id: "p", kind: "photo", mimeType: "image/jpeg", width: 6000, height: 4000 }, 0)).toBeNull();
    // A RAW is shown from its embedded preview, not at its sensor's size.
    expect(imageTilesOf({ id: "p", kind: "photo", mimeType: "image/x-nikon-nef", width: 12_800, height: 7_800 }, 0)).toBeNull();
    expect(tiles.maxLevel).toBe(14);
  });

  it("unzoomed, draws the whole photo from a level about the screen's size", () => {
    const placed = visibleTiles(tiles, box, { scale: 1, x: 0, y: 0 }, 1);
    expect(new Set(placed.map((t) => t.level))).toEqual(new Set([11])); // 1600 × 975 px for a 1280 px box
    expect(placed).toHaveLength(4 * 2);
    expect(Math.max(...placed.map((t) => t.left + t.width))).toBeCloseTo(1280);
  });

  it("zoomed to the real pixels, draws only the few full-resolution tiles in view", () => {
    // scale 10: one photo pixel per screen pixel; centred, the view shows 1280 × 780 photo pixels.
    const placed = visibleTiles(tiles, box, { scale: 10, x: 0, y: 0 }, 1);
    expect(placed.every((t) => t.level === 14)).toBe(true);
    expect(placed.length).toBeLessThanOrEqual(4 * 3);
    expect(placed.map((t) => t.key)).toContain("14/12/7"); // the tile at the photo's centre (6400, 3900)
    // Panned to the top-left corner: tile 0/0 is there, the centre is not.
    const corner = visibleTiles(tiles, box, { scale: 10, x: 6400 - 640, y: 3900 - 390 }, 1);
    expect(corner.map((t) => t.key)).toContain("14/0/0");
    expect(corner.map((t) => t.key)).not.toContain("14/12/7");
  });

  it("on a dense phone screen picks the level for its device pixels", () => {
    const placed = visibleTiles(tiles, { width: 360, height: 700 }, { scale: 2, x: 0, y: 0 }, 3);
    expect(placed[0]!.level).toBe(12); // 360/12800 × 2 × 3 ≈ 0.17 screen px per photo px → ¼ size
  });
});
