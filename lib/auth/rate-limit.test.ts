import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows up to N failures per window, then says how long to wait", () => {
    const limiter = createRateLimiter(3, 60_000);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.retryAfterMs("ip", 1_000 + i)).toBe(0);
      limiter.recordFailure("ip", 1_000 + i);
    }
    expect(limiter.retryAfterMs("ip", 2_000)).toBe(59_000);
    expect(limiter.retryAfterMs("other", 2_000)).toBe(0);
    expect(limiter.retryAfterMs("ip", 61_001)).toBe(0);
    limiter.recordFailure("ip", 61_002);
    limiter.reset("ip");
    expect(limiter.retryAfterMs("ip", 61_003)).toBe(0);
  });
});
