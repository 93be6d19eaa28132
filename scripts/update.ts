// `npm run update [-- --tag v1.2.0]`: updates a service installed with `npm run service:install` to
// a release tag (the newest v* tag by default) and rolls back to the previous version and database
// when the new one does not come up healthy (lib/appliance/run-update.ts). Run it as root from the
// checkout. Exits 0 updated or already current, 1 rolled back (or refused before changing anything),
// 2 when going back failed too.
import "@/lib/server/install-egress-guard";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { UNIT_NAME } from "@/lib/appliance/plan-service-install";
import { runUpdate } from "@/lib/appliance/run-update";
import { parseConfig } from "@/lib/config";

const { values } = parseArgs({
  options: {
    tag: { type: "string" },
    remote: { type: "string", default: "origin" },
    user: { type: "string", default: "albums" },
    "env-path": { type: "string", default: "/etc/albums/albums.env" },
    "health-timeout": { type: "string", default: "180" },
  },
});
if (fs.existsSync(values["env-path"])) process.loadEnvFile(values["env-path"]);
const config = parseConfig();
const appDir = path.resolve(import.meta.dirname, "..");
const asService = spawnSync("id", ["-u", values.user]).status === 0 ? `runuser -u ${values.user} -- ` : "";
const host = ["0.0.0.0", "::"].includes(config.host) ? "127.0.0.1" : config.host;

const result = await runUpdate({
  appDir,
  remote: values.remote,
  tag: values.tag,
  databasePath: config.databasePath,
  backupDir: config.backupDir,
  commands: {
    stop: `systemctl stop ${UNIT_NAME}`,
    // `npm install` follows package-lock.json (see the README on why not `npm ci`).
    install: "npm install --no-audit --no-fund",
    build: `npm run build${asService ? ` && chown -R ${values.user}:${values.user} .next` : ""}`,
    migrate: `${asService}${process.execPath} --conditions=react-server --import tsx scripts/migrate.ts`,
    start: `systemctl start ${UNIT_NAME}`,
  },
  healthUrl: `http://${host.includes(":") ? `[${host}]` : host}:${config.port}/api/health`,
  healthTimeoutMs: Number(values["health-timeout"]) * 1000,
  say: (line) => process.stdout.write(`${line}\n`),
}).catch((error: unknown) => {
  // Before anything changed (no tag, local changes, the service would not stop).
  process.stderr.write(`Nothing was updated: ${(error as Error).message}\n`);
  process.exit(1);
});
if (result.outcome === "current") process.stdout.write(`already at ${result.at}\n`);
if (result.outcome === "rolled-back") process.stderr.write(`The update to ${result.to} failed and was rolled back to ${result.from}: ${result.reason}\n`);
if (result.outcome === "broken") {
  process.stderr.write(`The update to ${result.to} failed and going back to ${result.from} failed too: ${result.reason}\nThe database copy from before the update: ${result.backup ?? "(none)"}. Check \`journalctl -u albums\`.\n`);
}
process.exit({ current: 0, updated: 0, "rolled-back": 1, broken: 2 }[result.outcome]);
