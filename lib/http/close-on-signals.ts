import type http from "node:http";
import type { Logger } from "@/lib/server/logger";

/**
 * On SIGTERM or SIGINT: stop accepting, drop idle keep-alive connections, and exit once the
 * requests in flight are answered (at most 5 s later). The supervisor's own grace covers the rest.
 */
export function closeOnSignals(server: http.Server, log: Logger): void {
  const stop = (signal: string) => {
    log.info(`${signal}: closing`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
