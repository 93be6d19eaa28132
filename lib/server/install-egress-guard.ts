// Imported first by every entry point (server, worker, supervisor, CLIs): nothing leaves the box,
// and nothing it writes is readable by other users of the machine, whatever umask it was started
// with: the database holds the passphrase hash and every GPS position (directories 0700, files 0600).
import { parseConfig } from "@/lib/config";
import { installEgressGuard } from "./egress-guard";

process.umask(0o077);
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

try {
  const config = parseConfig();
  installEgressGuard({ allow: config.egressAllow, mode: config.egress });
} catch {
  // Invalid configuration: the entry point reports it and exits before doing anything.
  installEgressGuard({ allow: [], mode: "block" });
}
