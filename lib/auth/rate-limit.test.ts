import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("counts attempts when reserved, refuses past N per window, says how long to wait", () => {
    const limiter = createRateLimiter(3, 60_000);
    for (let i = 0; i < 3; i += 1) expect([limiter.waitFor("ip", 1_000 + i), limiter.reserve("ip", 1_000 + i)]).toEqual([0, 0]);
    expect(limiter.waitFor("ip", 2_000)).toBe(59_000);
    expect(limiter.reserve("ip", 2_000)).toBe(59_000);
    expect(limiter.reserve("other", 2_000)).toBe(0);
    expect(limiter.reserve("ip", 61_001)).toBe(0);
    limiter.reset("ip");
    expect(limiter.snapshot(61_002)).toEqual({ other: [2_000] });
  });

  it("refunds a successful attempt", () => {
    const limiter = createRateLimiter(1, 60_000);
    expect(limiter.reserve("ip", 5)).toBe(0);
    limiter.refund("ip", 5);
    expect(limiter.reserve("ip", 6)).toBe(0);
  });

  it("restores what it saved and keeps only the most recent keys", () => {
    const saved = createRateLimiter(2, 60_000);
    saved.reserve("a", 1);
    saved.reserve("a", 2);
    const restored = createRateLimiter(2, 60_000, saved.snapshot(3));
    expect(restored.reserve("a", 3)).toBeGreaterThan(0);
    const small = createRateLimiter(5, 60_000, {}, 2);
    for (const key of ["x", "y", "z"]) small.reserve(key, 10);
    expect(Object.keys(small.snapshot(11))).toEqual(["y", "z"]);
  });
});
