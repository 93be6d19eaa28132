// `npm run service:install [-- options]` / `npm run service:uninstall`: runs Albums as a systemd
// service (lib/appliance/plan-service-install.ts lists every step). Options: --user (albums),
// --data-dir (/var/lib/albums), --backup-dir (/var/backups/albums), --env-path
// (/etc/albums/albums.env), --no-start; every ALBUMS_* variable set when it runs goes into the env
// file. --root <dir> writes the files under <dir> and only lists the commands (a dry run).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyHostSteps } from "@/lib/appliance/host-steps";
import { planServiceInstall, planServiceUninstall } from "@/lib/appliance/plan-service-install";
import { STOP_GRACE_MS } from "@/lib/server/supervise";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: "string", default: "albums" },
    "data-dir": { type: "string", default: "/var/lib/albums" },
    "backup-dir": { type: "string", default: "/var/backups/albums" },
    "env-path": { type: "string", default: "/etc/albums/albums.env" },
    root: { type: "string" },
    "no-start": { type: "boolean", default: false },
  },
});
const action = positionals[0];
const say = (line: string) => process.stdout.write(`${line}\n`);
const root = values.root ? path.resolve(values.root) : undefined;
if (!root && process.getuid?.() !== 0) {
  process.stderr.write("service:install/uninstall change the system: run it as root (sh scripts/as-root.sh npm run service:install), or with --root <dir> for a dry run.\n");
  process.exit(77);
}

if (action === "uninstall") {
  applyHostSteps(planServiceUninstall(), { root, say });
  say("The data dir, the backups, the env file and the user are kept.");
} else if (action === "install") {
  const owner = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith("ALBUMS_") && !!e[1]));
  const appDir = path.resolve(import.meta.dirname, "..");
  applyHostSteps(
    planServiceInstall({
      user: values.user,
      userExists: spawnSync("id", ["-u", values.user]).status === 0,
      appDir,
      node: process.execPath,
      npm: path.join(path.dirname(process.execPath), "npm"),
      envFile: values["env-path"],
      env: { ...owner, ALBUMS_DATA_DIR: path.resolve(values["data-dir"]), ALBUMS_BACKUP_DIR: path.resolve(values["backup-dir"]) },
      // The supervisor's own grace, plus time for a boot step (migrations) to notice and exit.
      stopTimeoutSec: STOP_GRACE_MS / 1000 + 20,
      start: !values["no-start"],
    }),
    { root, say },
  );
  if (!root) say("Albums runs as a service: `systemctl status albums`, logs with `journalctl -u albums -f`.");
} else {
  process.stderr.write("usage: service.ts install|uninstall [--root <dir>] [--user albums] [--data-dir …] [--backup-dir …] [--env-path …] [--no-start]\n");
  process.exit(64);
}
