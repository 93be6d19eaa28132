import { describe, expect, it } from "vitest";
import { inBatches, total } from "./in-batches";

describe("inBatches", () => {
  it("runs consecutive slices in order, none larger than the batch", async () => {
    const seen: number[][] = [];
    const results = await inBatches([1, 2, 3, 4, 5], async (batch) => (seen.push(batch), batch.length), 2);
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    expect(total(results)).toBe(5);
    expect(await inBatches([], async () => 1)).toEqual([]);
  });

  it("sums counts of either shape", () => expect(total([{ count: 2 }, 3])).toBe(5));
});
