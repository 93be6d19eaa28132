import { describe, expect, it } from "vitest";
import { DAY_HEADER_PX, GAP_PX, firstScreenDays, layoutBuilder, layoutTimeline, MAX_ASPECT, dayAt, monthWindow, rowAt, type TimelineDay, type TimelineRow } from "./timeline-layout";

const day = (name: string, aspects: number[]): TimelineDay => ({ day: name, count: aspects.length, aspects });
const rightEdge = (row: TimelineRow) => Math.max(...row.tiles.map((t) => t.left + t.width));

describe("layoutTimeline", () => {
  it("fills every full row edge to edge and keeps each photo's aspect ratio within the row's scale", () => {
    const aspects = [1.5, 0.75, 1.33, 1, 1.78, 0.66, 1.5, 1.5, 0.8, 1.2, 2, 1.33, 0.75, 1];
    const { rows } = layoutTimeline([day("2024-07-14", aspects)], { width: 1003, rowHeight: 190, packDays: true });
    const full = rows.slice(0, -1);
    expect(full.length).toBeGreaterThan(1);
    for (const row of full) {
      expect(row.tiles[0]!.left).toBe(0);
      expect(rightEdge(row)).toBe(1003);
      // Neighbours never overlap and sit one gap apart (±1 px of rounding).
      row.tiles.slice(1).forEach((t, i) => expect(Math.abs(t.left - (row.tiles[i]!.left + row.tiles[i]!.width) - GAP_PX)).toBeLessThanOrEqual(1));
      for (const t of row.tiles) expect(Math.abs(t.width / row.imageHeight - aspects[t.index]!)).toBeLessThan(0.02);
      // Full rows stay near the target height.
      expect(row.imageHeight).toBeGreaterThan(190 * 0.7);
      expect(row.imageHeight).toBeLessThan(190 * 1.4);
    }
    expect(rows.flatMap((r) => r.tiles.map((t) => t.index))).toEqual(aspects.map((_, i) => i));
  });

  it("leaves a day's last row at the target height instead of stretching it", () => {
    const { rows } = layoutTimeline([day("d1", [1.5, 1.5, 1.5, 1.5, 1.5]), day("d2", [1, 1])], { width: 600, rowHeight: 150, packDays: false });
    const last = rows.filter((r) => r.day === "d1").at(-1)!;
    expect(last.imageHeight).toBe(150);
    expect(rightEdge(last)).toBeLessThan(600);
    // One day per row without packing; the label band only on a day's first row.
    expect(rows.map((r) => [r.day, r.labels.length])).toEqual([["d1", 1], ["d1", 0], ["d2", 1]]);
    expect(rows[1]!.top).toBe(rows[0]!.height);
    expect(rows[0]!.height).toBe(DAY_HEADER_PX + rows[0]!.imageHeight + GAP_PX);
  });

  it("crops extreme panoramas and portraits to bounded ratios", () => {
    const { rows } = layoutTimeline([day("d", [12, 0.1, 1])], { width: 2000, rowHeight: 100, packDays: false });
    const [pano, tall] = rows[0]!.tiles;
    expect(pano!.width / rows[0]!.imageHeight).toBeCloseTo(MAX_ASPECT, 1);
    expect(tall!.width / rows[0]!.imageHeight).toBeCloseTo(0.5, 1);
    // A panorama wider than a phone screen still fits it.
    const phone = layoutTimeline([day("d", [12])], { width: 200, rowHeight: 110, packDays: false });
    expect(rightEdge(phone.rows[0]!)).toBe(200);
  });

  it("packs short days side by side on wide screens, each with its own label", () => {
    const days = [day("2024-05-09", [1.5]), day("2024-05-08", [1, 1]), day("2024-05-07", [1.33]), day("2024-05-06", Array(12).fill(1.5)), day("2024-05-05", [1])];
    const { rows } = layoutTimeline(days, { width: 1400, rowHeight: 190, packDays: true });
    expect(rows[0]!.labels.map((l) => l.day)).toEqual(["2024-05-09", "2024-05-08", "2024-05-07"]);
    // Labels start where their photos do and never overlap.
    for (const label of rows[0]!.labels) expect(rows[0]!.tiles.find((t) => t.day === label.day)!.left).toBe(label.left);
    rows[0]!.labels.slice(1).forEach((l, i) => expect(l.left).toBeGreaterThanOrEqual(rows[0]!.labels[i]!.left + rows[0]!.labels[i]!.width));
    expect(rightEdge(rows[0]!)).toBeLessThanOrEqual(1400);
    // A long day starts its own row; a short day after it does not join its last row.
    expect(rows[1]!.labels.map((l) => l.day)).toEqual(["2024-05-06"]);
    expect(rows.at(-1)!.labels.map((l) => l.day)).toEqual(["2024-05-05"]);
    // Days of another month start a new row.
    const months = layoutTimeline([day("2024-07-01", [1]), day("2024-06-30", [1])], { width: 1400, rowHeight: 190, packDays: true });
    expect(months.rows).toHaveLength(2);
    // On a phone the same days take one row each.
    expect(layoutTimeline(days.slice(0, 3), { width: 360, rowHeight: 110, packDays: false }).rows).toHaveLength(3);
  });

  it("handles 100k items over 3000 days quickly", () => {
    const days = Array.from({ length: 3000 }, (_, i) => day(`d${i}`, Array.from({ length: 33 + (i % 3) }, (_, j) => [1.33, 0.75, 1.5, 1][j % 4]!)));
    const started = performance.now();
    const { rows, height } = layoutTimeline(days, { width: 1200, rowHeight: 190, packDays: true });
    // ~30 ms on a quiet 2-core box; the bound only catches quadratic work on a shared, loaded one.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(rows.reduce((n, r) => n + r.tiles.length, 0)).toBe(days.reduce((n, d) => n + d.count, 0));
    expect(height).toBe(rows.at(-1)!.top + rows.at(-1)!.height);
    expect(rowAt(rows, rows[500]!.top + 1)).toBe(500);
    expect(rowAt(rows, 0)).toBe(0);
  });
});

describe("layoutBuilder", () => {
  it("lays out days given in slices exactly as in one go, short days packed across a slice's edge too", () => {
    const days = Array.from({ length: 90 }, (_, i) => day(`2025-0${3 - Math.floor(i / 30)}-${String(30 - (i % 30)).padStart(2, "0")}`, Array.from({ length: 1 + ((i * 7) % 5) * (i % 4 === 0 ? 4 : 1) }, (_, k) => [1.33, 0.75, 1.78, 1][(i + k) % 4]!)));
    for (const options of [{ width: 1400, rowHeight: 190, packDays: true }, { width: 360, rowHeight: 110, packDays: false }]) {
      const once = layoutTimeline(days, options);
      expect(once.rows.some((row) => row.labels.length > 1)).toBe(options.packDays);
      for (const size of [1, 7, 40]) {
        const builder = layoutBuilder(options);
        for (let i = 0; i < days.length; i += size) builder.add(days.slice(i, i + size));
        expect(builder.result()).toEqual(once);
      }
    }
  });
});

describe("firstScreenDays", () => {
  it("takes the newest days up to 400 photos or 100 days, and lays them out exactly as the whole view begins", () => {
    const make = (i: number, n: number) => day(`2025-01-${String(28 - (i % 28)).padStart(2, "0")}`, Array.from({ length: n }, (_, k) => [1.33, 0.75, 1.78][(i + k) % 3]!));
    const dense = Array.from({ length: 50 }, (_, i) => make(i, 30));
    expect(firstScreenDays(dense)).toHaveLength(14);
    const sparse = Array.from({ length: 300 }, (_, i) => make(i, 1));
    expect(firstScreenDays(sparse)).toHaveLength(100);
    expect(firstScreenDays(dense.slice(0, 3))).toHaveLength(3);
    const options = { width: 1400, rowHeight: 190, packDays: true };
    const first = layoutTimeline(firstScreenDays(dense), options);
    expect(layoutTimeline(dense, options).rows.slice(0, first.rows.length)).toEqual(first.rows);
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
