import { parseConfig } from "@/lib/config";
import { createLogger } from "@/lib/server/logger";
import { prepareLibrary } from "@/lib/server/prepare-library";

/** Prepares the library `env` names (layout, migrations) and sets the owner's passphrase, before the real app starts on it. */
export async function preparePassphraseLibrary(env: Record<string, string>, passphrase: string): Promise<void> {
  const config = parseConfig(env);
  await prepareLibrary(config, createLogger("test", "error"));
  const { openDb } = await import("@/lib/server/db");
  const { setOwnerPassphrase } = await import("@/lib/auth/owner-passphrase");
  const db = await openDb(config.databasePath);
  await setOwnerPassphrase(db, passphrase);
  await db.$disconnect();
}
