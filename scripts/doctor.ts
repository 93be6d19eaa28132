// `npm run doctor`: checks what the owner can get wrong and prints one line each
// (lib/doctor/doctor-checks.ts). Exit 0 when nothing failed (warnings allowed; --strict counts
// them as failures), 1 otherwise; 78 when the configuration itself is invalid. Reads the service's
// env file (/etc/albums/albums.env) when it exists, so it checks what the service sees.
import "@/lib/server/install-egress-guard";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError, parseConfig } from "@/lib/config";
import { doctorChecks } from "@/lib/doctor/doctor-checks";
import { gatherDoctorFacts } from "@/lib/doctor/gather-doctor-facts";
import packageJson from "@/package.json";

const { values } = parseArgs({
  options: {
    "env-path": { type: "string", default: "/etc/albums/albums.env" },
    user: { type: "string", default: "albums" },
    strict: { type: "boolean", default: false },
  },
});
if (fs.existsSync(values["env-path"])) process.loadEnvFile(values["env-path"]);
let config;
try {
  config = parseConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stdout.write(`FAIL config     ${error.message}\n`);
  process.exit(78);
}
const lines = doctorChecks(await gatherDoctorFacts(config, { serviceUser: values.user, requiredNode: packageJson.engines.node }));
for (const { check, status, detail } of lines) process.stdout.write(`${status.toUpperCase().padEnd(4)} ${check.padEnd(10)} ${detail}\n`);
const failed = lines.some((l) => l.status === "fail" || (values.strict && l.status === "warn"));
process.exit(failed ? 1 : 0);
