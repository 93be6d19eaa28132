import { describe, expect, it } from "vitest";
import { columnsFor, dayAt, layoutTimeline, monthWindow, rowAt } from "./timeline-layout";

describe("layoutTimeline", () => {
  it("puts a header per day and rows of cells, with known positions", () => {
    const { rows, height, cell } = layoutTimeline([{ day: "2024-07-14", count: 7 }, { day: "2024-07-01", count: 1 }], 302, 3);
    expect(cell).toBe(99);
    expect(rows.map((r) => r.kind)).toEqual(["day", "cells", "cells", "cells", "day", "cells"]);
    expect(rows[3]).toMatchObject({ first: 6, count: 1, top: 44 + 2 * 101 });
    expect(height).toBe(44 * 2 + 4 * 101);
  });

  it("handles 100k items over 3000 days quickly", () => {
    const days = Array.from({ length: 3000 }, (_, i) => ({ day: `d${i}`, count: 33 + (i % 3) }));
    const started = performance.now();
    const { rows } = layoutTimeline(days, 1200, columnsFor(1200));
    expect(performance.now() - started).toBeLessThan(100);
    expect(rowAt(rows, rows[500]!.top + 1)).toBe(500);
    expect(rowAt(rows, 0)).toBe(0);
  });
});

describe("time windows", () => {
  it("groups by the viewer's fixed offset, like the server", () => {
    expect(dayAt("2024-07-13T23:30:00.000Z", 120)).toBe("2024-07-14");
    expect(dayAt("2024-07-14T01:30:00.000Z", -300)).toBe("2024-07-13");
    expect(monthWindow("2024-12", 90)).toEqual({ from: "2024-12-01T00:00:00+01:30", to: "2025-01-01T00:00:00+01:30" });
    expect(monthWindow("2024-02", -300)).toEqual({ from: "2024-02-01T00:00:00-05:00", to: "2024-03-01T00:00:00-05:00" });
  });
});
