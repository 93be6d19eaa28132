import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { queueTask } from "@/lib/jobs/queue";
import type { Db } from "@/lib/server/db";

export const startImportBody = z.object({
  paths: z.array(z.string().min(1).max(4096)).min(1).max(500),
  includeTrashed: z.boolean().default(false),
});

export const importJobPayload = startImportBody.extend({ requestId: z.string() });

/**
 * Queues a Takeout import of parts already on the box (absolute paths to .zip/.tgz files or an
 * extracted folder) for the worker; its progress and report appear under /api/imports.
 */
export async function startImport(db: Db, body: z.infer<typeof startImportBody>): Promise<{ requestId: string }> {
  for (const p of body.paths) {
    if (!path.isAbsolute(p)) throw new AppError("invalid_input", `Give absolute paths on the box (${p}).`);
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new AppError("invalid_input", `Nothing at ${p}.`);
    if (!stat.isDirectory() && !/\.(zip|tgz|tar\.gz)$/i.test(p)) throw new AppError("invalid_input", `${p} is not a .zip, .tgz or folder.`);
  }
  const requestId = randomUUID();
  await queueTask(db, { kind: "takeout-import", subject: requestId, payload: { ...body, requestId }, maxAttempts: 3 });
  return { requestId };
}
