import { describe, expect, it } from "vitest";
import type { AssetSummary } from "../types";
import { memoryCards } from "./memory-cards";

const asset = (id: string, sm: boolean) => ({ id, thumbnails: { sm, md: sm } }) as AssetSummary;

describe("memoryCards", () => {
  it("keeps a card per year with photos: the first photo with a thumbnail as cover, and the count", () => {
    const cards = memoryCards([
      { year: 2024, yearsAgo: 2, items: [asset("a", false), asset("b", true), asset("c", true)] },
      { year: 2023, yearsAgo: 3, items: [] },
      { year: 2020, yearsAgo: 6, items: [asset("d", false)] },
    ]);
    expect(cards.map((c) => [c.year, c.yearsAgo, c.count, c.cover.id])).toEqual([
      [2024, 2, 3, "b"],
      [2020, 6, 1, "d"],
    ]);
  });
});
