/** Web Mercator in world units: x and y in [0, 1], (0, 0) the north-west corner. */
export type View = { x: number; y: number; zoom: number };
export type Bounds = { west: number; south: number; east: number; north: number };

export const TILE = 256;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 17;
const MAX_LAT = 85.0511;

export function project(longitude: number, latitude: number): [number, number] {
  const sin = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, latitude)) * Math.PI) / 180);
  return [(longitude + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

export function unproject(x: number, y: number): [number, number] {
  return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}

/** The latitude/longitude box a view shows on a `width`×`height` screen. */
export function viewBounds(view: View, width: number, height: number): Bounds {
  const world = TILE * 2 ** view.zoom;
  const [west, north] = unproject(view.x - width / 2 / world, Math.max(0, view.y - height / 2 / world));
  const [east, south] = unproject(view.x + width / 2 / world, Math.min(1, view.y + height / 2 / world));
  return { west: Math.max(-180, west), south, east: Math.min(180, east), north };
}

/** The view that shows a box whole on a `width`×`height` screen with `padding` pixels around it. */
export function fitBounds(bounds: Bounds, width: number, height: number, padding = 40, maxZoom = MAX_ZOOM): View {
  const [x0, y0] = project(bounds.west, bounds.north);
  const [x1, y1] = project(bounds.east, bounds.south);
  const spanX = Math.max(x1 - x0, 1e-6);
  const spanY = Math.max(y1 - y0, 1e-6);
  const zoom = Math.log2(Math.min((width - 2 * padding) / (TILE * spanX), (height - 2 * padding) / (TILE * spanY)));
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, zoom: clampZoom(Math.min(zoom, maxZoom), width) };
}

/** Zooms by `factor` keeping the world point under screen point (`px`, `py`) where it is. */
export function zoomAround(view: View, factor: number, px: number, py: number, width: number, height: number): View {
  const zoom = clampZoom(view.zoom + Math.log2(factor), width);
  const before = TILE * 2 ** view.zoom;
  const after = TILE * 2 ** zoom;
  const wx = view.x + (px - width / 2) / before;
  const wy = view.y + (py - height / 2) / before;
  return clampView({ x: wx - (px - width / 2) / after, y: wy - (py - height / 2) / after, zoom });
}

/** Moves a view by a drag of (`dx`, `dy`) screen pixels. */
export function pan(view: View, dx: number, dy: number): View {
  const world = TILE * 2 ** view.zoom;
  return clampView({ ...view, x: view.x - dx / world, y: view.y - dy / world });
}

/** The smallest zoom still fills the screen's width with the world (no band of nothing). */
export function clampZoom(zoom: number, width: number): number {
  return Math.max(Math.max(MIN_ZOOM, Math.log2(width / TILE)), Math.min(MAX_ZOOM, zoom));
}

function clampView(view: View): View {
  return { zoom: view.zoom, x: Math.max(0, Math.min(1, view.x)), y: Math.max(0, Math.min(1, view.y)) };
}

/** Screen position of a longitude/latitude in a view. */
export function toScreen(view: View, longitude: number, latitude: number, width: number, height: number): [number, number] {
  const world = TILE * 2 ** view.zoom;
  const [x, y] = project(longitude, latitude);
  return [(x - view.x) * world + width / 2, (y - view.y) * world + height / 2];
}
