import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { Logger } from "@/lib/server/logger";
import type { LibraryPaths } from "@/lib/server/paths";
import type { JobKind } from "./kinds";
import type { JobRow } from "./claim";

export type JobContext = { db: Db; paths: LibraryPaths; config: Config; log: Logger };

/**
 * A job kind's code. `run` must be idempotent: it may run again after a crash. `waitingFor`
 * names what the kind still lacks (a model file, a configured endpoint) or returns null when it
 * can run; jobs of a waiting kind stay pending, untouched, and start once it appears.
 */
export type JobHandler = {
  kind: JobKind;
  run: (ctx: JobContext, job: JobRow) => Promise<void>;
  waitingFor?: (ctx: JobContext) => Promise<string | null>;
};

/** The file itself is at fault (undecodable, unsupported): fail for good, do not retry. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}
