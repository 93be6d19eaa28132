import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { parseJsonOrNull } from "@/lib/server/parse-json-or-null";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

const KEY = "auth.login-attempts";
const saved = z.object({ perClient: z.record(z.string(), z.array(z.number())), overall: z.array(z.number()) });

/** Per client bucket (IPv4 address, IPv6 /64, loopback), and for everyone together. */
export const PER_CLIENT = { attempts: 5, windowMs: 15 * 60_000 };
export const OVERALL = { attempts: 30, windowMs: 60 * 60_000 };

export type LoginLimits = {
  perClient: RateLimiter;
  overall: RateLimiter;
  /** Writes the counters to the database (so a restart does not hand out fresh attempts). */
  save: () => Promise<void>;
};

const loaded = new WeakMap<Db, Promise<LoginLimits>>();

/**
 * The login attempt counters of this library, read once per database handle from a Setting row
 * and written back after every change (one row; the limiter bounds how many buckets it holds).
 */
export function loginLimits(db: Db): Promise<LoginLimits> {
  let limits = loaded.get(db);
  if (!limits) {
    limits = load(db);
    loaded.set(db, limits);
  }
  return limits;
}

async function load(db: Db): Promise<LoginLimits> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = saved.safeParse(row ? parseJsonOrNull(row.value) : null);
  const state = parsed.success ? parsed.data : { perClient: {}, overall: [] };
  const perClient = createRateLimiter(PER_CLIENT.attempts, PER_CLIENT.windowMs, state.perClient);
  const overall = createRateLimiter(OVERALL.attempts, OVERALL.windowMs, { "*": state.overall });
  let writes = Promise.resolve();
  const save = () => {
    const value = JSON.stringify({ perClient: perClient.snapshot(), overall: overall.snapshot()["*"] ?? [] });
    writes = writes.then(async () => {
      await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
    });
    return writes;
  };
  return { perClient, overall, save };
}
