import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PASSPHRASE_KEY } from "@/lib/auth/owner-passphrase";
import { TAILSCALE_SEEN_KEY } from "@/lib/auth/note-tailscale-identity";
import { runRestic } from "@/lib/backup/restic";
import type { Config } from "@/lib/config";
import { modelStatus } from "@/lib/ml/model-status";
import { listenAddressProblem } from "@/lib/server/check-listen-address";
import { readMigrations } from "@/lib/server/migrate";
import { libraryPaths } from "@/lib/server/paths";
import type { DoctorFacts } from "./doctor-checks";

export type GatherOptions = {
  /** The user the service runs as (its uid should own the data dir); this process's user when it does not exist. */
  serviceUser: string;
  /** The engines.node range of package.json. */
  requiredNode: string;
  now?: Date;
};

/** Looks at the box for `npm run doctor`: reads only, never changes anything (restic only reads the repository's config). */
export async function gatherDoctorFacts(config: Config, options: GatherOptions): Promise<DoctorFacts> {
  const paths = libraryPaths(config.dataDir, config.databasePath);
  const stat = fs.statSync(config.dataDir, { throwIfNoEntry: false });
  const settings = readSettings(config.databasePath, [PASSPHRASE_KEY, TAILSCALE_SEEN_KEY]);
  const runnerUid = Number(command("id", ["-u", options.serviceUser]) ?? process.getuid?.() ?? 0);
  const statfs = statfsNearest(config.dataDir);
  const now = options.now ?? new Date();
  return {
    node: { version: process.versions.node, required: options.requiredNode },
    tools: [["ffmpeg", config.ffmpeg], ["ffprobe", config.ffprobe]].map(([name, bin]) => ({ name: name!, found: command(bin!, ["-version"]) !== null })),
    disk: statfs ? { path: statfs.at, freeBytes: statfs.bavail * statfs.bsize, totalBytes: statfs.blocks * statfs.bsize } : null,
    dataDir: {
      path: config.dataDir,
      exists: !!stat?.isDirectory(),
      parentExists: fs.existsSync(path.dirname(config.dataDir)),
      markerPresent: fs.existsSync(paths.marker),
      databasePresent: fs.existsSync(config.databasePath),
      mode: stat?.mode ?? 0,
      ownedByRunner: !stat || stat.uid === runnerUid,
    },
    backup: { folder: { path: config.backupDir, ...writable(config.backupDir) }, repository: await resticReachable(config) },
    models: await modelStatus(config),
    tailscale: {
      owners: config.owners,
      serveTargets: serveTargets(),
      port: config.port,
      lastSeen: settings.get(TAILSCALE_SEEN_KEY) ? (JSON.parse(settings.get(TAILSCALE_SEEN_KEY)!) as { at: string; login: string }) : null,
    },
    listenProblem: listenAddressProblem(config, settings.has(PASSPHRASE_KEY)),
    listen: `${config.host}:${config.port}`,
    clock: { now: now.toISOString(), notBefore: notBefore(config.databasePath), ntpSynchronized: ntp() },
  };
}

/** Free space where the folder is (or would be created: its nearest existing parent). */
function statfsNearest(dir: string): (fs.StatsFs & { at: string }) | null {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      return { ...fs.statfsSync(at), at };
    } catch {
      if (at === path.dirname(at)) return null;
    }
  }
}

/** stdout of a command that exited 0, or null. */
function command(bin: string, args: string[]): string | null {
  const result = spawnSync(bin, args, { encoding: "utf8", timeout: 10_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

function readSettings(databasePath: string, keys: string[]): Map<string, string> {
  if (!fs.existsSync(databasePath)) return new Map();
  try {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare(`SELECT key, value FROM "Setting" WHERE key IN (${keys.map(() => "?").join(",")})`).all(...keys) as { key: string; value: string }[];
      return new Map(rows.map((r) => [r.key, r.value]));
    } finally {
      db.close();
    }
  } catch {
    return new Map();
  }
}

function writable(dir: string): { writable: boolean; error: string | null } {
  try {
    fs.accessSync(fs.existsSync(dir) ? dir : path.dirname(dir), fs.constants.W_OK);
    return { writable: true, error: null };
  } catch (error) {
    return { writable: false, error: (error as Error).message };
  }
}

async function resticReachable(config: Config): Promise<DoctorFacts["backup"]["repository"]> {
  const repo = config.backupRepository;
  if (!repo) return null;
  const label = repo.repository.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
  try {
    await runRestic(repo, ["cat", "config", "--no-lock"]);
    return { label, reachable: true, error: null };
  } catch (error) {
    return { label, reachable: false, error: (error as Error).message };
  }
}

/** The `Proxy` targets of `tailscale serve status --json`; null without the tailscale command. */
function serveTargets(): string[] | null {
  const result = spawnSync("tailscale", ["serve", "status", "--json"], { encoding: "utf8", timeout: 10_000 });
  if (result.error) return null;
  const targets: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "Proxy" && typeof value === "string") targets.push(value);
      else visit(value);
    }
  };
  try {
    visit(JSON.parse(result.stdout || "{}"));
  } catch {
    // Not JSON (an old tailscale, or not logged in): nothing served that we can see.
  }
  return targets;
}

/** The newest moment known to have passed: the newest migration's timestamp, or the database's last write. */
function notBefore(databasePath: string): string {
  const newest = readMigrations().at(-1)?.name.slice(0, 14) ?? "20000101000000";
  const migration = Date.UTC(+newest.slice(0, 4), +newest.slice(4, 6) - 1, +newest.slice(6, 8), +newest.slice(8, 10), +newest.slice(10, 12));
  const written = fs.statSync(databasePath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return new Date(Math.max(migration, written)).toISOString();
}

function ntp(): boolean | null {
  const value = command("timedatectl", ["show", "-p", "NTPSynchronized", "--value"]);
  return value === null ? null : value === "yes";
}
