import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { clientBucket } from "./client-bucket";
import { loginLimits } from "./login-limits";
import { checkOwnerPassphrase, hasOwnerPassphrase } from "./owner-passphrase";
import { createSession } from "./sessions";

export const logInBody = z.object({ passphrase: z.string().min(1).max(1024) });

/** Once everyone together is over the overall limit, attempts are checked one at a time, this far apart. */
export const THROTTLED_SPACING_MS = 2_000;
let throttleQueue = Promise.resolve();

/** Waits for this attempt's turn in the single-file line the overall limit imposes. */
function throttledTurn(): Promise<void> {
  const turn = throttleQueue.then(() => sleep(THROTTLED_SPACING_MS));
  throttleQueue = turn;
  return turn;
}

/**
 * Passphrase login (the LAN/dev fallback to Tailscale identity): a session token, or an error.
 * Each attempt is counted before the passphrase is hashed (a success is refunded), so parallel
 * guesses cannot outrun the limit. A client bucket past its limit is refused (429). The overall
 * limit never refuses: past it, attempts from everyone wait in one line, one check every
 * THROTTLED_SPACING_MS, so a botnet is slowed to a crawl while the owner's right passphrase still
 * gets in. The counters are kept in the database and survive a restart.
 */
export async function logIn(db: Db, input: { passphrase: string; client: string; userAgent: string | null }): Promise<{ token: string; expiresAt: Date }> {
  if (!(await hasOwnerPassphrase(db))) throw new AppError("forbidden", "No passphrase is set on this box; run `npm run passphrase` on it first.");
  const limits = await loginLimits(db);
  const bucket = clientBucket(input.client);
  const at = Date.now();
  const wait = limits.perClient.reserve(bucket, at);
  if (wait > 0) throw new AppError("rate_limited", `Too many failed attempts; try again in ${Math.ceil(wait / 60_000)} minute(s).`);
  const counted = limits.overall.reserve("*", at) === 0;
  await limits.save();
  if (!counted) await throttledTurn();
  if (!(await checkOwnerPassphrase(db, input.passphrase))) throw new AppError("unauthorized", "Wrong passphrase.");
  limits.perClient.reset(bucket);
  if (counted) limits.overall.refund("*", at);
  await limits.save();
  return createSession(db, input.userAgent);
}
