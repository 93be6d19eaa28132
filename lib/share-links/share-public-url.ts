import type { Db } from "@/lib/server/db";

/** Setting key: the share listener's published address, when the owner set it in Settings. */
export const SHARE_PUBLIC_URL_KEY = "shareLinks.publicUrl";

/** Where guests reach the share listener: `ALBUMS_SHARE_PUBLIC_URL` wins (`fromEnv`), else Settings, else unknown. */
export type SharePublicUrl = { publicUrl: string | null; fromEnv: boolean };

/** The share listener's published address (an origin, already validated), or null when none is set. */
export async function readSharePublicUrl(db: Db, fromEnv: string | null): Promise<SharePublicUrl> {
  if (fromEnv) return { publicUrl: fromEnv, fromEnv: true };
  const row = await db.setting.findUnique({ where: { key: SHARE_PUBLIC_URL_KEY } });
  return { publicUrl: row?.value ?? null, fromEnv: false };
}

/** The owner's choice in Settings (a validated origin), or null to forget it. */
export async function writeSharePublicUrl(db: Db, origin: string | null): Promise<void> {
  if (origin === null) await db.setting.deleteMany({ where: { key: SHARE_PUBLIC_URL_KEY } });
  else await db.setting.upsert({ where: { key: SHARE_PUBLIC_URL_KEY }, create: { key: SHARE_PUBLIC_URL_KEY, value: origin }, update: { value: origin } });
}
