import path from "node:path";
import type { HostStep } from "./host-steps";
import { renderSystemdUnit } from "./render-systemd-unit";

export const UNIT_NAME = "albums.service";
export const UNIT_PATH = `/etc/systemd/system/${UNIT_NAME}`;

export type ServiceInstallOptions = {
  user: string;
  /** Whether the user exists already (then it is not created). */
  userExists: boolean;
  appDir: string;
  node: string;
  npm: string;
  envFile: string;
  /** The owner's settings for the env file; ALBUMS_DATA_DIR and ALBUMS_BACKUP_DIR absolute. */
  env: Record<string, string> & { ALBUMS_DATA_DIR: string; ALBUMS_BACKUP_DIR: string };
  stopTimeoutSec: number;
  /** Start the service now (besides enabling it at boot). */
  start: boolean;
};

/**
 * The steps of `npm run service:install`: a dedicated system user, the data and backup dirs owned
 * by it, the env file with the owner's choices (kept when it exists), the production build, the
 * unit, then enable (and start). Pure: applyHostSteps carries them out.
 */
export function planServiceInstall(o: ServiceInstallOptions): HostStep[] {
  const dataDir = o.env.ALBUMS_DATA_DIR;
  const backupDir = o.env.ALBUMS_BACKUP_DIR;
  const localRepository = o.env.ALBUMS_BACKUP_REPOSITORY?.startsWith("/") ? [o.env.ALBUMS_BACKUP_REPOSITORY] : [];
  const writable = [dataDir, backupDir, ...localRepository];
  // The import folder is the owner's (Syncthing fills it): neither created nor chowned here, only
  // reachable by the service (ALBUMS_IMPORT_MOVE moves files into its imported/ sub-folder).
  const importFolder = o.env.ALBUMS_IMPORT_DIR ? [o.env.ALBUMS_IMPORT_DIR] : [];
  const own = `${o.user}:${o.user}`;
  return [
    ...(o.userExists
      ? []
      : [{ kind: "run" as const, argv: ["useradd", "--system", "--user-group", "--home-dir", dataDir, "--no-create-home", "--shell", "/usr/sbin/nologin", o.user], why: "the dedicated user Albums runs as" }]),
    { kind: "run", argv: ["runuser", "-u", o.user, "--", "test", "-r", path.join(o.appDir, "scripts/start.ts")], why: `${o.user} must be able to read the app (clone it outside /root, e.g. /opt/albums)` },
    ...writable.map((dir): HostStep => ({ kind: "mkdir", path: dir, mode: 0o700 })),
    { kind: "mkdir", path: path.dirname(o.envFile), mode: 0o755 },
    { kind: "write", path: o.envFile, content: renderEnvFile(o.env), mode: 0o640, keep: true },
    { kind: "run", argv: ["chown", `root:${o.user}`, o.envFile], why: "readable by the service, not by other users (it may hold tokens)" },
    { kind: "run", argv: ["chown", "-R", own, ...writable], why: "the service owns its data and backups" },
    { kind: "run", argv: [o.npm, "--prefix", o.appDir, "run", "build"], why: "the production build the service runs" },
    { kind: "run", argv: ["chown", "-R", own, path.join(o.appDir, ".next")], why: "the server writes its cache there" },
    { kind: "write", path: UNIT_PATH, content: renderSystemdUnit({ user: o.user, appDir: o.appDir, node: o.node, envFile: o.envFile, writablePaths: [...writable, ...importFolder], stopTimeoutSec: o.stopTimeoutSec }), mode: 0o644 },
    { kind: "run", argv: ["systemctl", "daemon-reload"], why: "load the unit" },
    { kind: "run", argv: ["systemctl", "enable", ...(o.start ? ["--now"] : []), UNIT_NAME], why: o.start ? "start at boot, and now" : "start at boot" },
  ];
}

/** The steps of `npm run service:uninstall`: stop, disable, remove the unit. The data dir, the env file and the user stay. */
export function planServiceUninstall(): HostStep[] {
  return [
    { kind: "run", argv: ["systemctl", "disable", "--now", UNIT_NAME], why: "stop it and no longer start it at boot", optional: true },
    { kind: "remove", path: UNIT_PATH },
    { kind: "run", argv: ["systemctl", "daemon-reload"], why: "forget the unit" },
  ];
}

/** `KEY=value` lines systemd's EnvironmentFile reads (values with spaces or quotes double-quoted). */
export function renderEnvFile(env: Record<string, string>): string {
  const lines = Object.entries(env)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${/[\s"'\\#$]/.test(value) ? `"${value.replace(/(["\\$])/g, "\\$1")}"` : value}`);
  return [
    "# Albums settings for the systemd service (see the README's settings table).",
    "# Edit, then `systemctl restart albums`. `npm run service:install` never overwrites this file.",
    ...lines,
    "",
  ].join("\n");
}
