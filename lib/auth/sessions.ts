import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/server/db";

export const SESSION_MAX_AGE_MS = 30 * 24 * 3600_000;
export const SESSION_IDLE_MS = 7 * 24 * 3600_000;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session; returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, userAgent: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_MAX_AGE_MS);
  await db.session.create({ data: { id: tokenHash(token), expiresAt, userAgent: userAgent?.slice(0, 200) ?? null } });
  return { token, expiresAt };
}

/** A live session for this cookie token, or null (unknown, expired, or idle too long). */
export async function findSession(db: Db, token: string, now = new Date()): Promise<{ id: string } | null> {
  const session = await db.session.findUnique({ where: { id: tokenHash(token) } });
  if (!session) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: tokenHash(token) } });
}
