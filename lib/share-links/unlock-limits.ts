import { z } from "zod";
import { createRateLimiter, type RateLimiter } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/server/db";
import { parseJsonOrNull } from "@/lib/server/parse-json-or-null";

const WINDOW_MS = 15 * 60_000;
const times = z.array(z.number());

/**
 * Wrong-passphrase limits: 5 tries per link and 10 per address every 15 minutes. Counted in memory
 * (an attempt is reserved before the passphrase is hashed, so concurrent guesses cannot slip
 * through) and written to ShareUnlockBucket after each change (`save`), so a restart of the
 * share listener hands out no fresh tries.
 */
export type UnlockLimits = { perLink: RateLimiter; perAddress: RateLimiter; save: (linkId: string, address: string) => Promise<void> };

/** The limits as the database holds them now (buckets older than the window are swept first). */
export async function loadUnlockLimits(db: Db, now = Date.now()): Promise<UnlockLimits> {
  await db.shareUnlockBucket.deleteMany({ where: { updatedAt: { lt: new Date(now - WINDOW_MS) } } });
  const saved = { link: {} as Record<string, number[]>, address: {} as Record<string, number[]> };
  for (const row of await db.shareUnlockBucket.findMany({ orderBy: { updatedAt: "asc" } })) {
    const [scope, ...rest] = row.key.split(":");
    const parsed = times.safeParse(parseJsonOrNull(row.attempts));
    if ((scope === "link" || scope === "address") && parsed.success) saved[scope][rest.join(":")] = parsed.data;
  }
  const perLink = createRateLimiter(5, WINDOW_MS, saved.link);
  const perAddress = createRateLimiter(10, WINDOW_MS, saved.address);
  let writes = Promise.resolve();
  const save = (linkId: string, address: string) => {
    const at = Date.now();
    const buckets = [[`link:${linkId}`, perLink.snapshot(at)[linkId]], [`address:${address}`, perAddress.snapshot(at)[address]]] as const;
    writes = writes.then(async () => {
      await db.$transaction([
        ...buckets.map(([key, attempts]) =>
          attempts ? db.shareUnlockBucket.upsert({ where: { key }, create: { key, attempts: JSON.stringify(attempts) }, update: { attempts: JSON.stringify(attempts) } }) : db.shareUnlockBucket.deleteMany({ where: { key } }),
        ),
        db.shareUnlockBucket.deleteMany({ where: { updatedAt: { lt: new Date(at - WINDOW_MS) } } }),
      ]);
    });
    return writes;
  };
  return { perLink, perAddress, save };
}
