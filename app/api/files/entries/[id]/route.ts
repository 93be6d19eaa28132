import { moveBody } from "@/lib/file-browser/files-input";
import { moveEntry } from "@/lib/files/move-entry";
import { renameEntry } from "@/lib/files/rename-entry";
import { trashEntry } from "@/lib/files/trash-entry";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** `{name?, folderId?}`: renames and/or moves the file; 409 `name_taken`, 404 for a missing folder. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const body = moveBody.parse(await readJson(request));
  const ref = { type: "file" as const, id: params.id };
  const moved = body.folderId === undefined ? await renameEntry(deps.db, { ref, name: body.name! }) : await moveEntry(deps.db, { ref, folderId: body.folderId, name: body.name });
  return Response.json(moved);
}, { allow: ["owner"] });

/** Moves the file to the trash (POST …/restore takes it back). */
export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await trashEntry(deps.db, { type: "file", id: params.id });
  return new Response(null, { status: 204 });
}, { allow: ["owner"] });
