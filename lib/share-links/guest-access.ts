import { createHmac, timingSafeEqual } from "node:crypto";
import { verifyPassphrase } from "@/lib/auth/passphrase";
import type { GuestLink } from "./resolve-share-link";
import type { UnlockLimits } from "./unlock-limits";

const COOKIE = "albums_share";

/**
 * The proof a guest typed the passphrase: an HMAC of the link id keyed with the stored scrypt hash
 * (which never leaves the box), so it needs no server-side session and dies when the passphrase
 * changes or the link is revoked.
 */
function unlockProof(link: GuestLink): string {
  return createHmac("sha256", link.passphraseHash ?? "").update(link.id).digest("base64url");
}

/** True when the link has no passphrase or the request carries its proof. */
export function isUnlocked(link: GuestLink, cookieHeader: string | null): boolean {
  if (!link.passphraseHash) return true;
  const expected = Buffer.from(unlockProof(link));
  return (cookieHeader ?? "").split(";").some((part) => {
    const [name, ...value] = part.trim().split("=");
    const given = Buffer.from(value.join("="));
    return name === COOKIE && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export type UnlockResult = { ok: true; cookie: string } | { ok: false; retryAfterMs: number };

/**
 * Checks a passphrase for a link: refused without checking while the link or the address is over
 * its limit (retryAfterMs > 0); a wrong one counts against both (saved, so it still counts after a
 * restart); a right one is not counted and yields a cookie scoped to the link's path.
 */
export async function unlockShareLink(link: GuestLink, token: string, passphrase: string, address: string, limits: UnlockLimits, secure: boolean): Promise<UnlockResult> {
  if (!link.passphraseHash) return { ok: true, cookie: "" };
  const now = Date.now();
  const linkWait = limits.perLink.reserve(link.id, now);
  if (linkWait > 0) return { ok: false, retryAfterMs: linkWait };
  const addressWait = limits.perAddress.reserve(address, now);
  if (addressWait > 0) {
    limits.perLink.refund(link.id, now);
    return { ok: false, retryAfterMs: addressWait };
  }
  if (!(await verifyPassphrase(passphrase, link.passphraseHash))) {
    await limits.save(link.id, address);
    return { ok: false, retryAfterMs: 0 };
  }
  limits.perLink.refund(link.id, now);
  limits.perAddress.refund(address, now);
  const cookie = `${COOKIE}=${unlockProof(link)}; Path=/s/${token}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return { ok: true, cookie };
}
