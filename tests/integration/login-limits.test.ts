// RELIABILITY (hardening 3): the login limiter counts attempts before hashing, buckets IPv6 by
// /64 and loopback as one, never refuses the right passphrase for the overall limit (it slows
// it), and keeps its counters across a restart (a fresh database handle = a fresh process).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestLibrary, type TestLibrary } from "../support/test-library";

const PASSPHRASE = "correct horse battery staple";
let lib: TestLibrary;
let logIn: typeof import("@/lib/auth/log-in").logIn;

const attempt = (client: string, passphrase = "wrong guess!") =>
  logIn(lib.db, { passphrase, client, userAgent: null }).then(
    () => "ok",
    (error: { code?: string }) => error.code ?? String(error),
  );
const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

beforeAll(async () => {
  lib = await createTestLibrary();
  const { setOwnerPassphrase } = await import("@/lib/auth/owner-passphrase");
  await setOwnerPassphrase(lib.db, PASSPHRASE);
  ({ logIn } = await import("@/lib/auth/log-in"));
});

afterAll(() => lib?.cleanup());

describe("login limiter", () => {
  it("checks only 5 of 60 concurrent wrong guesses from one address; the owner still gets in", async () => {
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => attempt("192.0.2.10")));
    expect(tally(outcomes)).toEqual({ unauthorized: 5, rate_limited: 55 });
    expect(await attempt("192.0.2.10", PASSPHRASE)).toBe("rate_limited");
    expect(await attempt("192.0.2.99", PASSPHRASE)).toBe("ok");
  });

  it("gives rotating loopback addresses and one IPv6 /64 a single bucket each", async () => {
    const loopback = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`127.0.${i}.${i + 1}`)));
    expect(tally(loopback)).toEqual({ unauthorized: 5, rate_limited: 15 });
    const v6 = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(`2001:db8:7:7:${(i + 1).toString(16)}::1`)));
    expect(tally(v6)).toEqual({ unauthorized: 5, rate_limited: 15 });
  });

  it("keeps the counters across a restart", async () => {
    vi.resetModules(); // a restarted server: modules loaded afresh, a new database handle
    const { openDb } = await import("@/lib/server/db");
    const { logIn: freshLogIn } = await import("@/lib/auth/log-in");
    const restarted = await openDb(lib.config.databasePath);
    try {
      const outcome = await freshLogIn(restarted, { passphrase: PASSPHRASE, client: "192.0.2.10", userAgent: null }).catch((error: { code: string }) => error.code);
      expect(outcome).toBe("rate_limited");
    } finally {
      await restarted.$disconnect();
    }
  });

  it("past the overall limit slows the right passphrase instead of refusing it", async () => {
    // 15 failures so far; 4 more addresses x 5 pass the overall limit of 30.
    for (let i = 0; i < 4; i += 1) await Promise.all(Array.from({ length: 5 }, () => attempt(`198.51.100.${i}`)));
    const started = Date.now();
    expect(await attempt("203.0.113.5")).toBe("unauthorized");
    expect(await attempt("203.0.113.6", PASSPHRASE)).toBe("ok");
    const { THROTTLED_SPACING_MS } = await import("@/lib/auth/log-in");
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * THROTTLED_SPACING_MS - 50);
  });
});
