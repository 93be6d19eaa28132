import { openEntry } from "@/lib/file-browser/open-entry";
import { apiRoute } from "@/lib/http/api-route";
import { sendFile } from "@/lib/http/send-file";

export const runtime = "nodejs";

/** Downloads the file under its name in the tree (Range, ETag, 304 like any original). */
const content = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const file = await openEntry(deps.db, deps.paths, params.id);
  return sendFile(request, file, { cacheControl: "private, no-cache", disposition: "attachment", fileName: file.fileName });
}, { allow: ["owner"] });

export const GET = content;
export const HEAD = content;
