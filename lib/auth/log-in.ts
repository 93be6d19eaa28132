import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { checkOwnerPassphrase, hasOwnerPassphrase } from "./owner-passphrase";
import { createRateLimiter } from "./rate-limit";
import { createSession } from "./sessions";

export const logInBody = z.object({ passphrase: z.string().min(1).max(1024) });

// Per client address, and for everyone together (a botnet of addresses still gets slowed down).
const perClient = createRateLimiter(5, 15 * 60_000);
const overall = createRateLimiter(30, 60 * 60_000);

/** Passphrase login (the LAN/dev fallback to Tailscale identity): a session token, or an error. */
export async function logIn(db: Db, input: { passphrase: string; client: string; userAgent: string | null }): Promise<{ token: string; expiresAt: Date }> {
  const wait = Math.max(perClient.retryAfterMs(input.client), overall.retryAfterMs("*"));
  if (wait > 0) throw new AppError("rate_limited", `Too many failed attempts; try again in ${Math.ceil(wait / 60_000)} minute(s).`);
  if (!(await hasOwnerPassphrase(db))) throw new AppError("forbidden", "No passphrase is set on this box; run `npm run passphrase` on it first.");
  if (!(await checkOwnerPassphrase(db, input.passphrase))) {
    perClient.recordFailure(input.client);
    overall.recordFailure("*");
    throw new AppError("unauthorized", "Wrong passphrase.");
  }
  perClient.reset(input.client);
  return createSession(db, input.userAgent);
}
