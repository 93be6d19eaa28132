import type { Db } from "@/lib/server/db";
import { egressCounters, type EgressCounters } from "@/lib/server/egress-guard";

/** Setting row the worker refreshes every few seconds; health reads it. */
export const HEARTBEAT_KEY = "worker.heartbeat";

export type Heartbeat = { at: string; egress: EgressCounters };

export async function writeHeartbeat(db: Db, now = new Date()): Promise<void> {
  const value = JSON.stringify({ at: now.toISOString(), egress: egressCounters() } satisfies Heartbeat);
  await db.setting.upsert({ where: { key: HEARTBEAT_KEY }, create: { key: HEARTBEAT_KEY, value }, update: { value } });
}

export async function readHeartbeat(db: Db): Promise<Heartbeat | null> {
  const row = await db.setting.findUnique({ where: { key: HEARTBEAT_KEY } });
  if (!row) return null;
  try {
    return JSON.parse(row.value) as Heartbeat;
  } catch {
    return null;
  }
}
