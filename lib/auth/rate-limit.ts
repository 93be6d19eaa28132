/** Failures allowed per key within a window, then refusals until the window has passed. */
export type RateLimiter = {
  /** Milliseconds to wait before another attempt is allowed (0 = allowed now). */
  retryAfterMs: (key: string, now?: number) => number;
  recordFailure: (key: string, now?: number) => void;
  reset: (key: string) => void;
};

/** An in-memory sliding-window limiter (the server is one process). */
export function createRateLimiter(maxFailures: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfterMs(key, now = Date.now()) {
      const times = recent(key, now);
      failures.set(key, times);
      return times.length >= maxFailures ? windowMs - (now - times[0]!) : 0;
    },
    recordFailure(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
