import type { Db } from "@/lib/server/db";

/** Setting row the worker refreshes every few seconds; health reads it. */
export const HEARTBEAT_KEY = "worker.heartbeat";

export async function writeHeartbeat(db: Db, now = new Date()): Promise<void> {
  const value = now.toISOString();
  await db.setting.upsert({ where: { key: HEARTBEAT_KEY }, create: { key: HEARTBEAT_KEY, value }, update: { value } });
}
