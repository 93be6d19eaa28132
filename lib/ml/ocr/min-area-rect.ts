// Smallest rotated rectangle around a set of points (convex hull + rotating calipers).

/** A rotated rectangle: centre, unit axis (ax, ay), extent `along` that axis and `across` it. */
export type RotatedRect = { cx: number; cy: number; ax: number; ay: number; along: number; across: number };

/**
 * Minimum-area rectangle enclosing the points (xs[i], ys[i]), as OpenCV's minAreaRect does: one side
 * lies on an edge of the convex hull. Collinear input gives `across` 0; a single point gives both 0.
 */
export function minAreaRect(xs: ArrayLike<number>, ys: ArrayLike<number>): RotatedRect {
  const hull = convexHull(xs, ys);
  let best: RotatedRect = { cx: hull[0]?.[0] ?? 0, cy: hull[0]?.[1] ?? 0, ax: 1, ay: 0, along: 0, across: 0 };
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const [x0, y0] = hull[i]!;
    const [x1, y1] = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(x1 - x0, y1 - y0);
    if (len === 0) continue;
    const ax = (x1 - x0) / len;
    const ay = (y1 - y0) / len;
    let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
    for (const [x, y] of hull) {
      const u = x * ax + y * ay;
      const v = -x * ay + y * ax;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea - 1e-9 || (area <= bestArea + 1e-9 && maxU - minU > best.along)) {
      bestArea = area;
      const mu = (minU + maxU) / 2;
      const mv = (minV + maxV) / 2;
      best = { cx: mu * ax - mv * ay, cy: mu * ay + mv * ax, ax, ay, along: maxU - minU, across: maxV - minV };
    }
  }
  return best;
}

type Point = [number, number];

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
function convexHull(xs: ArrayLike<number>, ys: ArrayLike<number>): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < xs.length; i++) pts.push([xs[i]!, ys[i]!]);
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}
