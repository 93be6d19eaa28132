import { randomFillSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hammingPairs, hammingPairsByScan, hashTable, popcount } from "./hamming-pairs";

/** `count` random hashes, every fifth a copy of the one before with up to 14 bits flipped. */
function library(count: number): { hi: Uint32Array; lo: Uint32Array } {
  const hi = randomFillSync(new Uint32Array(count));
  const lo = randomFillSync(new Uint32Array(count));
  for (let i = 4; i < count; i += 5) {
    hi[i] = hi[i - 1]!;
    lo[i] = lo[i - 1]!;
    for (let f = 0; f < i % 15; f++) {
      const bit = (i * 7 + f * 13) % 64;
      if (bit < 32) hi[i]! ^= 1 << bit;
      else lo[i]! ^= 1 << (bit - 32);
    }
  }
  return { hi, lo };
}
const sorted = (pairs: [number, number, number][]) => pairs.map((p) => p.join(",")).sort();

describe("hammingPairs", () => {
  it("finds exactly the pairs a full scan finds, at every distance up to 15", () => {
    const table = library(3000);
    for (const distance of [0, 7, 11, 15]) expect(sorted(hammingPairs(table, distance))).toEqual(sorted(hammingPairsByScan(table, distance)));
  });

  it("finds a row whose turned hash is near another row's hash, each pair once", () => {
    const table = hashTable(["0123456789abcdef", "fedcba9876543210", "0000ffff0000ffff"]);
    const turned = hashTable(["0000000000000000", "0000ffff0000fffe", "0000000000000000"]);
    expect(hammingPairs(table, 2, [turned], 3)).toEqual([[1, 2, 1]]);
  });

  it("counts bits", () => {
    expect([0, 1, 0xffffffff, 0x80000001].map(popcount)).toEqual([0, 1, 32, 2]);
  });
});
