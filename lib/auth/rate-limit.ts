/**
 * Attempts allowed per key within a sliding window. An attempt is counted when it is *reserved*,
 * before it is checked, so concurrent attempts cannot all slip through while the first is still
 * being hashed; a successful one is refunded.
 */
export type RateLimiter = {
  /** Counts an attempt for `key` at `now` and returns 0, or returns the ms to wait when the key is full (nothing counted). */
  reserve: (key: string, now?: number) => number;
  /** The ms to wait before `key` may try again (0: it may), nothing counted. */
  waitFor: (key: string, now?: number) => number;
  /** Takes back the attempt reserved at `at` (it succeeded). */
  refund: (key: string, at: number) => void;
  /** Forgets every attempt of `key`. */
  reset: (key: string) => void;
  /** The attempts still inside the window, per key: what to persist. */
  snapshot: (now?: number) => Record<string, number[]>;
};

/**
 * An in-memory sliding-window limiter (the server is one process), restored from `saved`. At
 * most `maxKeys` keys are kept (those with the oldest last attempt go first), so rotating
 * addresses cannot grow it without bound.
 */
export function createRateLimiter(maxAttempts: number, windowMs: number, saved: Record<string, number[]> = {}, maxKeys = 2_000): RateLimiter {
  const attempts = new Map<string, number[]>(Object.entries(saved));
  const recent = (key: string, now: number) => (attempts.get(key) ?? []).filter((t) => now - t < windowMs);
  const trim = () => {
    if (attempts.size <= maxKeys) return;
    const byLast = [...attempts].sort((a, b) => (a[1].at(-1) ?? 0) - (b[1].at(-1) ?? 0));
    for (const [key] of byLast.slice(0, attempts.size - maxKeys)) attempts.delete(key);
  };
  return {
    reserve(key, now = Date.now()) {
      const times = recent(key, now);
      if (times.length >= maxAttempts) {
        attempts.set(key, times);
        return windowMs - (now - times[0]!);
      }
      attempts.delete(key); // re-inserted last: the map stays ordered by last attempt
      attempts.set(key, [...times, now]);
      trim();
      return 0;
    },
    waitFor(key, now = Date.now()) {
      const times = recent(key, now);
      return times.length >= maxAttempts ? windowMs - (now - times[0]!) : 0;
    },
    refund(key, at) {
      const times = attempts.get(key) ?? [];
      const index = times.lastIndexOf(at);
      if (index >= 0) times.splice(index, 1);
    },
    reset(key) {
      attempts.delete(key);
    },
    snapshot(now = Date.now()) {
      const live: Record<string, number[]> = {};
      for (const key of attempts.keys()) {
        const times = recent(key, now);
        if (times.length > 0) live[key] = times;
      }
      return live;
    },
  };
}
