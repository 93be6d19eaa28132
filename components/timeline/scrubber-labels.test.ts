import { describe, expect, it } from "vitest";
import { placeYearLabels, type YearMark } from "./scrubber-labels";

const LABEL = 14;
const noOverlap = (placed: { top: number }[]) => placed.slice(1).forEach((p, i) => expect(p.top - placed[i]!.top).toBeGreaterThanOrEqual(LABEL));

describe("placeYearLabels", () => {
  it("keeps every year when they have room", () => {
    const marks: YearMark[] = [2024, 2023, 2022].map((y, i) => ({ label: String(y), fraction: i / 3 }));
    expect(placeYearLabels(marks, 600, LABEL).map((m) => [m.label, m.top])).toEqual([["2024", 0], ["2023", 200], ["2022", 400]]);
  });

  it("drops years that would collide on a phone, keeping the newest and the oldest", () => {
    // 40 years, most photos in the last five: the old years crowd the bottom of a 663 px bar.
    const marks: YearMark[] = Array.from({ length: 40 }, (_, i) => ({ label: String(2025 - i), fraction: i < 5 ? i * 0.18 : 0.9 + (i - 5) * (0.1 / 35) }));
    const placed = placeYearLabels(marks, 663, LABEL);
    expect(placed[0]!.label).toBe("2025");
    expect(placed.at(-1)!.label).toBe("1986");
    expect(placed.length).toBeLessThan(40);
    expect(placed.length).toBeGreaterThan(5);
    noOverlap(placed);
    expect(placed.at(-1)!.top).toBeLessThanOrEqual(663 - LABEL);
  });

  it("keeps the first and last apart even on a tiny bar", () => {
    const placed = placeYearLabels([{ label: "2025", fraction: 0 }, { label: "2024", fraction: 0.01 }, { label: "2023", fraction: 0.02 }], 100, LABEL);
    expect(placed.map((p) => p.label)).toEqual(["2025", "2023"]);
    noOverlap(placed);
  });
});
