// Imported first by every entry point (server, worker, supervisor, CLIs): nothing leaves the box.
import { parseConfig } from "@/lib/config";
import { installEgressGuard } from "./egress-guard";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";

try {
  const config = parseConfig();
  installEgressGuard({ allow: config.egressAllow, mode: config.egress });
} catch {
  // Invalid configuration: the entry point reports it and exits before doing anything.
  installEgressGuard({ allow: [], mode: "block" });
}
