import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { addLibrary, addLibraryBody } from "@/lib/libraries/add-library";
import { readBackupExternal, writeBackupExternal } from "@/lib/libraries/library-settings";
import { listLibraries } from "@/lib/libraries/list-libraries";

export const runtime = "nodejs";

/** `{libraries: [{id, root, state, files, lastScanAt, …progress}], backupOriginals}`. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ libraries: await listLibraries(deps.db), backupOriginals: await readBackupExternal(deps.db) }));

/** `{root}` → 201 `{id, root}` (an external library, scanned soon by the worker). */
export const POST = apiRoute(async (request, { deps }) => Response.json(await addLibrary(deps.db, deps.paths, addLibraryBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.small }))), { status: 201 }));

/** `{backupOriginals: boolean}`: whether backups copy external-library originals too. */
export const PATCH = apiRoute(async (request, { deps }) => {
  const body = z.object({ backupOriginals: z.boolean() }).parse(await readJson(request, { maxBytes: JSON_LIMITS.small }));
  await writeBackupExternal(deps.db, body.backupOriginals);
  return Response.json({ backupOriginals: body.backupOriginals });
});
