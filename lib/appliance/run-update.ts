import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { backupBeforeMigration, restoreBeforeMigration } from "@/lib/backup/backup-before-migration";

/** Shell commands run in the checkout; production uses the real ones (scripts/update.ts), the test quick stand-ins. */
export type UpdateCommands = { stop: string; install: string; build: string; migrate: string; start: string };

export type UpdateOptions = {
  appDir: string;
  /** The git remote the release tags come from. */
  remote: string;
  /** The release tag to go to; the newest version tag when unset. */
  tag?: string;
  databasePath: string;
  backupDir: string;
  commands: UpdateCommands;
  healthUrl: string;
  healthTimeoutMs: number;
  say: (line: string) => void;
};

export type UpdateResult =
  | { outcome: "current"; at: string }
  | { outcome: "updated"; from: string; to: string; backup: string | null }
  | { outcome: "rolled-back"; from: string; to: string; backup: string | null; reason: string }
  /** The previous version did not come back either: the owner must look (the database copy is named). */
  | { outcome: "broken"; from: string; to: string; backup: string | null; reason: string };

/**
 * `npm run update`: fetches the release tags, stops Albums, copies the database
 * (`<backupDir>/pre-migration/`), checks out the tag, installs, builds, migrates, starts and waits
 * for GET /api/health to answer 200 with the new version. If any of that fails, it goes back to
 * the previous commit (install, build), puts the database copy back and starts that version again.
 * Refuses a checkout with local changes (they would be lost).
 */
export async function runUpdate(o: UpdateOptions): Promise<UpdateResult> {
  const git = (...args: string[]) => run(`git ${args.map(shellQuote).join(" ")}`, o.appDir, true).trim();
  git("fetch", "--quiet", "--tags", "--force", o.remote);
  const from = git("rev-parse", "HEAD");
  const to = o.tag ?? git("tag", "--list", "v*", "--sort=-v:refname").split("\n")[0];
  if (!to) throw new Error(`No release tag (v*) found at ${o.remote}.`);
  if (git("rev-parse", `${to}^{commit}`) === from) return { outcome: "current", at: to };
  if (git("status", "--porcelain", "--untracked-files=no") !== "") throw new Error(`${o.appDir} has local changes; commit or stash them first (an update would lose them).`);
  const fromName = git("describe", "--tags", "--always", from);

  o.say(`updating ${fromName} → ${to}`);
  step(o, "stop", o.commands.stop);
  let backup: string | null;
  try {
    backup = copyDatabase(o, to);
  } catch (error) {
    // Nothing changed yet: the same version starts again.
    tryStep(o, "start", o.commands.start);
    throw error;
  }
  try {
    git("checkout", "--quiet", "--detach", to);
    for (const name of ["install", "build", "migrate", "start"] as const) step(o, name, o.commands[name]);
    await waitHealthy(o, readVersion(o.appDir));
    o.say(`updated to ${to}`);
    return { outcome: "updated", from: fromName, to, backup };
  } catch (error) {
    const reason = (error as Error).message;
    o.say(`${to} did not come up (${reason}); going back to ${fromName}`);
    try {
      tryStep(o, "stop", o.commands.stop);
      git("checkout", "--quiet", "--force", "--detach", from);
      for (const name of ["install", "build"] as const) step(o, name, o.commands[name]);
      if (backup) restoreDatabase(backup, o.databasePath);
      step(o, "start", o.commands.start);
      await waitHealthy(o, readVersion(o.appDir));
      o.say(`rolled back to ${fromName}${backup ? `, database restored from ${backup}` : ""}`);
      return { outcome: "rolled-back", from: fromName, to, backup, reason };
    } catch (rollbackError) {
      return { outcome: "broken", from: fromName, to, backup, reason: `${reason}; then going back failed too: ${(rollbackError as Error).message}` };
    }
  }
}

function run(command: string, cwd: string, capture = false): string {
  const result = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"] });
  if (result.status !== 0) throw new Error(`\`${command}\` failed (${result.status ?? result.signal})${capture && result.stderr ? `: ${result.stderr.trim()}` : ""}`);
  return result.stdout ?? "";
}

function step(o: UpdateOptions, name: string, command: string): void {
  o.say(`${name}: ${command}`);
  run(command, o.appDir);
}

function tryStep(o: UpdateOptions, name: string, command: string): void {
  try {
    step(o, name, command);
  } catch (error) {
    o.say(`(${(error as Error).message}; going on)`);
  }
}

/** A consistent copy of the stopped app's database (none before the first start). */
function copyDatabase(o: UpdateOptions, to: string): string | null {
  if (!fs.existsSync(o.databasePath)) return null;
  const db = new Database(o.databasePath, { timeout: 15_000 });
  try {
    const copy = backupBeforeMigration(db, o.backupDir, `update-to-${to.replace(/[^\w.-]/g, "_")}`);
    o.say(`database copied to ${copy}`);
    return copy;
  } finally {
    db.close();
  }
}

/** Puts the copy back with the database's owner (the update runs as root, the service as its user). */
function restoreDatabase(copy: string, databasePath: string): void {
  const owner = fs.statSync(databasePath, { throwIfNoEntry: false });
  restoreBeforeMigration(copy, databasePath);
  if (owner) fs.chownSync(databasePath, owner.uid, owner.gid);
}

function readVersion(appDir: string): string | undefined {
  const file = path.join(appDir, "package.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version : undefined;
}

/** Polls the health URL until it answers 200 with the checked-out version, or throws at the deadline. */
async function waitHealthy(o: UpdateOptions, version: string | undefined): Promise<void> {
  const deadline = Date.now() + o.healthTimeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(o.healthUrl, { signal: AbortSignal.timeout(5_000) });
      const body = (await response.json().catch(() => ({}))) as { version?: string };
      if (response.status === 200 && (!version || body.version === version)) return;
      last = `HTTP ${response.status}, version ${body.version ?? "?"}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${o.healthUrl} not healthy within ${o.healthTimeoutMs / 1000}s (${last})`);
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./^{}-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
