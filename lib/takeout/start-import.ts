import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { queueTask } from "@/lib/queue/enqueue";
import { importJobPayload } from "@/lib/queue/kinds";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { resolveImportPath } from "./import-roots";

export const startImportBody = importJobPayload.omit({ requestId: true });

/**
 * Queues an import (a Takeout, or an iCloud Photos export) of parts already on the box for the worker; its progress and report
 * appear under /api/imports. Only uploaded parts (POST /api/imports/parts) and what lies inside
 * the folders listed in ALBUMS_IMPORT_DIRS can be imported: .zip/.tgz files or extracted folders.
 * Any other path gets the same answer whether it exists or not.
 */
export async function startImport(deps: { db: Db; paths: LibraryPaths; config: Pick<Config, "importDirs"> }, body: z.infer<typeof startImportBody>): Promise<{ requestId: string }> {
  const resolved = body.paths.map((p) => {
    const real = resolveImportPath(p, deps.paths, deps.config);
    if (real === null) throw new AppError("invalid_input", `${p} is not an uploaded Takeout part or inside a folder listed in ALBUMS_IMPORT_DIRS (or it does not exist).`);
    if (!fs.statSync(real).isDirectory() && !/\.(zip|tgz|tar\.gz)$/i.test(real)) throw new AppError("invalid_input", `${p} is not a .zip, .tgz or folder.`);
    return real;
  });
  return queueImport(deps.db, { ...body, paths: resolved });
}

/**
 * Hands an import of these absolute paths to the worker, unchecked: for `npm run import:takeout`,
 * whose paths come from the owner's own shell on the box (the API goes through startImport).
 */
export async function queueImport(db: Db, body: z.infer<typeof startImportBody>): Promise<{ requestId: string }> {
  const requestId = randomUUID();
  await queueTask(db, { kind: "takeout-import", subject: requestId, payload: { ...body, requestId }, maxAttempts: 3 });
  return { requestId };
}
