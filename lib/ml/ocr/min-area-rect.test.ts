import { describe, expect, it } from "vitest";
import { minAreaRect } from "./min-area-rect";

describe("minAreaRect", () => {
  it("fits an axis-aligned block exactly", () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let y = 10; y <= 14; y++) {
      for (let x = 2; x <= 21; x++) {
        xs.push(x);
        ys.push(y);
      }
    }
    const rect = minAreaRect(xs, ys);
    expect({ cx: rect.cx, cy: rect.cy }).toEqual({ cx: 11.5, cy: 12 });
    expect([rect.along, rect.across].sort((a, b) => a - b)).toEqual([4, 19]);
  });

  it("follows a tilted rectangle instead of its bounding box", () => {
    const angle = Math.PI / 6;
    const corners = [[0, 0], [40, 0], [40, 10], [0, 10]].map(([u, v]) => [u! * Math.cos(angle) - v! * Math.sin(angle), u! * Math.sin(angle) + v! * Math.cos(angle)]);
    const rect = minAreaRect(corners.map((p) => p[0]!), corners.map((p) => p[1]!));
    expect(rect.along * rect.across).toBeCloseTo(400, 6);
    const long = rect.along > rect.across ? [rect.ax, rect.ay] : [-rect.ay, rect.ax];
    expect(Math.abs(long[1]! / long[0]!)).toBeCloseTo(Math.tan(angle), 6);
  });

  it("gives zero thickness for collinear points and zero size for one point", () => {
    expect(minAreaRect([0, 5, 10], [0, 0, 0])).toMatchObject({ cx: 5, cy: 0, along: 10, across: 0 });
    expect(minAreaRect([3], [4])).toMatchObject({ cx: 3, cy: 4, along: 0, across: 0 });
  });
});
