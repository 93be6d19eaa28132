import { describe, expect, it } from "vitest";
import { fitBounds, project, unproject, viewBounds, zoomAround } from "./mercator";
import { clusterPhotos, type PhotoPoint } from "./photo-clusters";

const WORLD = { west: -180, south: -85, east: 180, north: 85 };
// Three photos in Lisbon, two in Arezzo, one in Sydney.
const POINTS: PhotoPoint[] = [
  ["l1", 38.7223, -9.1393], ["l2", 38.7139, -9.1335], ["l3", 38.7169, -9.1399],
  ["a1", 43.4674, 11.8851], ["a2", 43.4631, 11.8783],
  ["s1", -33.8568, 151.2153],
];

describe("clusterPhotos", () => {
  it("groups nearby photos with their counts when zoomed out and splits them when zoomed in", () => {
    const clusters = clusterPhotos(POINTS);
    const world = clusters.at(WORLD, 2);
    expect(world.map((c) => c.count).sort()).toEqual([1, 2, 3]);
    const lisbonClose = clusters.at({ west: -9.2, south: 38.69, east: -9.1, north: 38.74 }, 16);
    expect(lisbonClose.map((c) => c.photoId).sort()).toEqual(["l1", "l2", "l3"]);
  });

  it("gives the box around a cluster's photos, which holds exactly them", () => {
    const clusters = clusterPhotos(POINTS);
    const lisbon = clusters.at(WORLD, 2).find((c) => c.count === 3)!;
    const box = clusters.bounds(lisbon);
    const inside = POINTS.filter(([, lat, lon]) => lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east).map((p) => p[0]);
    expect(inside).toEqual(["l1", "l2", "l3"]);
  });
});

describe("mercator", () => {
  it("projects and unprojects", () => {
    const [x, y] = project(-9.1393, 38.7223);
    const [lon, lat] = unproject(x, y);
    expect(lon).toBeCloseTo(-9.1393, 6);
    expect(lat).toBeCloseTo(38.7223, 6);
    expect(project(0, 0)).toEqual([0.5, 0.5]);
  });

  it("fits a box on screen, and the view then shows it", () => {
    const box = { west: -9.2, south: 38.6, east: 11.9, north: 43.5 };
    const shown = viewBounds(fitBounds(box, 1000, 600), 1000, 600);
    expect(shown.west).toBeLessThan(box.west);
    expect(shown.east).toBeGreaterThan(box.east);
    expect(shown.south).toBeLessThan(box.south);
    expect(shown.north).toBeGreaterThan(box.north);
  });

  it("keeps the point under the cursor still while zooming", () => {
    const view = { x: 0.5, y: 0.5, zoom: 3 };
    const before = viewBounds(view, 800, 600);
    const zoomed = zoomAround(view, 2, 0, 0, 800, 600);
    const after = viewBounds(zoomed, 800, 600);
    expect(zoomed.zoom).toBe(4);
    expect(after.west).toBeCloseTo(before.west, 6);
    expect(after.north).toBeCloseTo(before.north, 6);
  });
});
