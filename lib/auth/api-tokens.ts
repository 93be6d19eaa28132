import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { tokenHash } from "./sessions";

export const createTokenBody = z.object({ name: z.string().trim().min(1).max(80) });

export type ApiTokenInfo = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** Creates a token for scripts; the plaintext is returned once and stored only as a hash. */
export async function createApiToken(db: Db, name: string): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = `alb_${randomBytes(24).toString("base64url")}`;
  const row = await db.apiToken.create({ data: { id: randomUUID(), name, tokenHash: tokenHash(token), prefix: token.slice(0, 8) } });
  return { token, info: toInfo(row) };
}

export async function listApiTokens(db: Db): Promise<ApiTokenInfo[]> {
  return (await db.apiToken.findMany({ orderBy: { createdAt: "desc" } })).map(toInfo);
}

export async function revokeApiToken(db: Db, id: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0 && !(await db.apiToken.findUnique({ where: { id } }))) throw new AppError("not_found", "No such token.");
}

/** Last use is recorded at most this often per token (a desktop WebDAV client sends it with every request). */
const LAST_USED_EVERY_MS = 60_000;

/**
 * True for a stored, unrevoked token, read on every call (a revoked token is refused at once);
 * records its last use, to the minute.
 */
export async function verifyApiToken(db: Db, token: string, now = new Date()): Promise<boolean> {
  const row = await db.apiToken.findUnique({ where: { tokenHash: tokenHash(token) }, select: { id: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return false;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return true;
}

function toInfo(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenInfo {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null, revokedAt: row.revokedAt?.toISOString() ?? null };
}
