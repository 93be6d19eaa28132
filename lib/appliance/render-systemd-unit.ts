import path from "node:path";

export type UnitOptions = {
  /** The dedicated system user (and group) the service runs as. */
  user: string;
  /** The checkout the service runs from (holds the production build in .next). */
  appDir: string;
  /** Absolute path of the node binary. */
  node: string;
  /** The environment file with the owner's choices (ALBUMS_DATA_DIR, ALBUMS_BACKUP_DIR, ...). */
  envFile: string;
  /** Folders the service writes: the data dir, the backup dir(s). */
  writablePaths: string[];
  /** How long systemd waits after SIGTERM before SIGKILL; must exceed the supervisor's grace. */
  stopTimeoutSec: number;
};

/** start.ts exits 78 on a configuration/start-up refusal and 65 on a database newer than the code: restarting cannot fix either. */
export const NO_RESTART_EXIT_CODES = [78, 65];

const HOME_DIRS = ["/home", "/root", "/run/user"];

/**
 * Renders the systemd unit that runs `npm start` (scripts/start.ts) as the dedicated user at boot.
 * Pure. The supervisor gets SIGTERM alone (KillMode=mixed) and `stopTimeoutSec` to stop the server
 * and the worker itself; the whole file system is read-only except the given folders and the web
 * build's cache; /home is hidden unless one of the folders lives there (then read-only).
 */
export function renderSystemdUnit(options: UnitOptions): string {
  const writable = [...new Set([...options.writablePaths, path.join(options.appDir, ".next")])];
  const touchesHome = [options.appDir, ...writable].some((dir) => HOME_DIRS.some((home) => dir === home || dir.startsWith(`${home}/`)));
  const mounts = options.writablePaths.map(quote).join(" ");
  return [
    "# Written by `npm run service:install`; `npm run service:uninstall` removes it (the data stays).",
    "[Unit]",
    "Description=Albums (self-hosted photos and documents)",
    "Wants=network-online.target",
    "After=network-online.target tailscaled.service",
    `RequiresMountsFor=${mounts}`,
    "StartLimitIntervalSec=300",
    "StartLimitBurst=10",
    "",
    "[Service]",
    "Type=simple",
    `User=${options.user}`,
    `Group=${options.user}`,
    `WorkingDirectory=${quote(options.appDir)}`,
    `EnvironmentFile=${quote(options.envFile)}`,
    "Environment=NODE_ENV=production",
    `ExecStart=${quote(options.node)} --conditions=react-server --import tsx scripts/start.ts`,
    "Restart=on-failure",
    "RestartSec=5",
    `RestartPreventExitStatus=${NO_RESTART_EXIT_CODES.join(" ")}`,
    "KillMode=mixed",
    "KillSignal=SIGTERM",
    `TimeoutStopSec=${options.stopTimeoutSec}`,
    "TimeoutStartSec=infinity",
    "UMask=0077",
    "ProtectSystem=strict",
    `ReadWritePaths=${writable.map(quote).join(" ")}`,
    `ProtectHome=${touchesHome ? "read-only" : "yes"}`,
    "PrivateTmp=yes",
    "PrivateDevices=yes",
    "NoNewPrivileges=yes",
    "ProtectKernelTunables=yes",
    "ProtectKernelModules=yes",
    "ProtectKernelLogs=yes",
    "ProtectControlGroups=yes",
    "ProtectClock=yes",
    "ProtectHostname=yes",
    "RestrictSUIDSGID=yes",
    "RestrictRealtime=yes",
    "RestrictNamespaces=yes",
    "LockPersonality=yes",
    "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
    "",
    "[Install]",
    "WantedBy=multi-user.target",
    "",
  ].join("\n");
}

/** systemd splits on whitespace; paths with spaces need quotes. */
function quote(value: string): string {
  return /\s/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : value;
}
