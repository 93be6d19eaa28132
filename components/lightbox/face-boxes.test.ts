import { describe, expect, it } from "vitest";
import { turnBox } from "./face-boxes";

describe("turnBox", () => {
  const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
  it("follows a face on a photo turned clockwise by quarters", () => {
    expect(turnBox(box, 0)).toEqual(box);
    // Turned right: the top-left corner of the box becomes its top-right.
    const right = turnBox(box, 90);
    expect(right.x).toBeCloseTo(0.4);
    expect(right).toMatchObject({ y: 0.1, width: 0.4, height: 0.3 });
    const down = turnBox(box, 180);
    expect(down.x).toBeCloseTo(0.6);
    expect(down.y).toBeCloseTo(0.4);
    const left = turnBox(box, 270);
    expect(left.x).toBeCloseTo(0.2);
    expect(left.y).toBeCloseTo(0.6);
    // Four quarter turns are no turn.
    const round = [90, 90, 90, 90].reduce((b, r) => turnBox(b, r), box);
    for (const key of ["x", "y", "width", "height"] as const) expect(round[key]).toBeCloseTo(box[key]);
  });
});
