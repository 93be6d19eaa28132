// The share listener (ALBUMS_SHARE_PORT on ALBUMS_HOST): guests of share links only, in a process
// of its own that never loads Next.js or the owner's routes (lib/share-links/share-server.ts).
// Started and restarted by scripts/start.ts next to the server and the worker.
import "@/lib/server/install-egress-guard";
import { exitWithParent } from "@/lib/boot/exit-with-parent";
import { getConfig } from "@/lib/config";
import { closeOnSignals } from "@/lib/http/close-on-signals";
import { getServerDeps } from "@/lib/server/deps";
import { createLogger } from "@/lib/server/logger";
import { createShareServer } from "@/lib/share-links/share-server";

exitWithParent();

const config = getConfig();
const log = createLogger("share", config.logLevel);
const server = createShareServer({ deps: getServerDeps, requestIdleMs: config.requestIdleMs });
server.on("error", (error: NodeJS.ErrnoException) => {
  log.error(`share listener cannot listen on ${config.host}:${config.sharePort} (${error.code ?? error.message}); set ALBUMS_SHARE_PORT to a free port, or 0 to turn it off`);
  process.exit(1);
});
server.listen(config.sharePort, config.host, () => log.info(`share listener on http://${config.host}:${config.sharePort} (share links only)`));

closeOnSignals(server, log);
