import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSha256 } from "./sha256-stream";

describe("createSha256", () => {
  it("matches node:crypto for every length around block edges, fed in odd pieces", () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 100_003]) {
      const data = randomBytes(size);
      const hash = createSha256();
      for (let i = 0; i < size; i += 37) hash.update(data.subarray(i, i + 37));
      expect(hash.hex(), String(size)).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
});
