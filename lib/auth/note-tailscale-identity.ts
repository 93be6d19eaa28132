import type { Db } from "@/lib/server/db";

export const TAILSCALE_SEEN_KEY = "tailscale.lastSeen";
const EVERY_MS = 10 * 60_000;
let lastWrite = 0;

/**
 * Records that a request carrying the owner's Tailscale identity reached Albums (through
 * `tailscale serve`), at most once per ten minutes per process, so `npm run doctor` can tell a
 * working serve set-up from one never used. Never throws: a failed write only loses the note.
 */
export async function noteTailscaleIdentity(db: Db, login: string, now = new Date()): Promise<void> {
  if (now.getTime() - lastWrite < EVERY_MS) return;
  lastWrite = now.getTime();
  const value = JSON.stringify({ at: now.toISOString(), login });
  await db.setting.upsert({ where: { key: TAILSCALE_SEEN_KEY }, create: { key: TAILSCALE_SEEN_KEY, value }, update: { value } }).catch(() => {});
}
