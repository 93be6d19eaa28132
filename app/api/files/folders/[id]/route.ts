import { getFolderView } from "@/lib/file-browser/folder-view";
import { folderRef, moveBody } from "@/lib/file-browser/files-input";
import { moveEntry } from "@/lib/files/move-entry";
import { renameEntry } from "@/lib/files/rename-entry";
import { trashEntry } from "@/lib/files/trash-entry";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

/** The folder's folders and files (`root` = the top), with its breadcrumb path. */
export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  return Response.json(await getFolderView(deps.db, folderRef.parse(params.id)), { headers: { "Cache-Control": "no-store" } });
}, { allow: ["owner"] });

/** `{name?, folderId?}`: renames and/or moves the folder; 409 `name_taken` or `folder_cycle`. */
export const PATCH = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const body = moveBody.parse(await readJson(request));
  const ref = { type: "folder" as const, id: params.id };
  const moved = body.folderId === undefined ? await renameEntry(deps.db, { ref, name: body.name! }) : await moveEntry(deps.db, { ref, folderId: body.folderId, name: body.name });
  return Response.json(moved);
}, { allow: ["owner"] });

/** Moves the folder and everything in it to the trash (POST …/restore takes it back). */
export const DELETE = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  await trashEntry(deps.db, { type: "folder", id: params.id });
  return new Response(null, { status: 204 });
}, { allow: ["owner"] });
