// `npm run passphrase`: sets the owner's fallback passphrase (LAN/dev login). Reads it from stdin
// (twice on a terminal, without echo); signs every browser out.
import "@/lib/server/install-egress-guard";
import readline from "node:readline";
import { setOwnerPassphrase } from "@/lib/auth/owner-passphrase";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { createLogger } from "@/lib/server/logger";
import { getDb } from "@/lib/server/db";
import { prepareLibrary } from "@/lib/server/prepare-library";

async function ask(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const answer = await new Promise<string>((resolve) => rl.once("line", resolve));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return answer;
}

await prepareLibrary(getConfig(), createLogger("passphrase", "warn"));
const first = await ask("New passphrase: ");
if (process.stdin.isTTY && (await ask("Again: ")) !== first) {
  console.error("The two entries differ; nothing changed.");
  process.exit(1);
}
const db = await getDb();
try {
  await setOwnerPassphrase(db, first);
  console.log("Passphrase set. Every browser session was signed out.");
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
