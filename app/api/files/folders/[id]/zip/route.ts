import { folderRef } from "@/lib/file-browser/files-input";
import { zipFolder } from "@/lib/file-browser/zip-folder";
import { apiRoute } from "@/lib/http/api-route";
import { zipResponse } from "@/lib/zip/zip-response";

export const runtime = "nodejs";

/** The folder (`root` = everything) as a streamed ZIP with its tree; resumable with Range. */
const zip = apiRoute<{ id: string }>(async (request, { deps, params }) => {
  const { fileName, zip } = await zipFolder(deps, folderRef.parse(params.id));
  return zipResponse(request, zip.layout, zip.source, { fileName, identity: zip.identity });
}, { allow: ["owner"] });

export const GET = zip;
export const HEAD = zip;
