import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db";
import { hashPassphrase, MIN_PASSPHRASE_LENGTH, verifyPassphrase } from "./passphrase";

export const PASSPHRASE_KEY = "owner.passphrase";

/** Sets (or replaces) the owner's fallback passphrase; signs every browser out. */
export async function setOwnerPassphrase(db: Db, passphrase: string): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError("invalid_input", `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const value = await hashPassphrase(passphrase);
  await db.$transaction([
    db.setting.upsert({ where: { key: PASSPHRASE_KEY }, create: { key: PASSPHRASE_KEY, value }, update: { value } }),
    db.session.deleteMany(),
  ]);
}

export async function hasOwnerPassphrase(db: Db): Promise<boolean> {
  return (await db.setting.count({ where: { key: PASSPHRASE_KEY } })) > 0;
}

/** True when `passphrase` is the owner's; false when wrong or none is set. */
export async function checkOwnerPassphrase(db: Db, passphrase: string): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: PASSPHRASE_KEY } });
  return row ? verifyPassphrase(passphrase, row.value) : false;
}
