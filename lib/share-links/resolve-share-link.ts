import type { Db } from "@/lib/server/db";
import { linkState } from "./share-link-dto";
import { hashShareToken, sameDigest, SHARE_TOKEN_PATTERN } from "./share-token";

export type GuestLink = { id: string; title: string; albumId: string | null; passphraseHash: string | null; allowDownload: boolean; showMetadata: boolean };

export type LinkLookup = { state: "active"; link: GuestLink } | { state: "expired" | "revoked" | "unknown" };

/**
 * The link behind a token, looked up by the token's SHA-256 (the token itself is never compared
 * or stored) and checked again in constant time; expired and revoked links are reported as such
 * on every request, so a revoke takes effect at once. Records the use (time; `hit` counts a page view).
 */
export async function resolveShareLink(db: Db, token: string, options: { hit?: boolean; now?: Date } = {}): Promise<LinkLookup> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return { state: "unknown" };
  const hash = hashShareToken(token);
  const row = await db.shareLink.findUnique({ where: { tokenHash: hash } });
  if (!row || !sameDigest(row.tokenHash, hash)) return { state: "unknown" };
  const now = options.now ?? new Date();
  const state = linkState(row, now);
  if (state !== "active") return { state };
  await db.shareLink.update({ where: { id: row.id }, data: { lastUsedAt: now, ...(options.hit ? { hits: { increment: 1 } } : {}) } });
  return { state, link: { id: row.id, title: row.title, albumId: row.albumId, passphraseHash: row.passphraseHash, allowDownload: row.allowDownload, showMetadata: row.showMetadata } };
}
