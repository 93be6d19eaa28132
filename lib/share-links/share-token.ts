import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new link token: 256 random bits, base64url (43 characters). */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of the token: its SHA-256 (hex). A database leak gives no usable link. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time equality of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The shape of a token in a URL (anything else is refused before touching the database). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
