import { uploadQuery } from "@/lib/file-browser/files-input";
import { uploadIntoFolder } from "@/lib/file-browser/upload-into-folder";
import { apiRoute, clientLabel } from "@/lib/http/api-route";
import { requestBodyStream } from "@/lib/http/request-body";

export const runtime = "nodejs";

const nothing = async function* (): AsyncGenerator<Buffer> {};

/**
 * `?folder=<id|root>&path=<relative path>` with the file's bytes as the body: stored durably, then
 * filed (folders of the path made where missing); 201 with the entry, 200 when it replaced a
 * file of that name (whose old content became a version).
 */
export const POST = apiRoute(async (request, { deps, identity }) => {
  const query = uploadQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const body = request.body ? requestBodyStream(request.body, request.signal) : nothing();
  const placed = await uploadIntoFolder(deps, { folderId: query.folder, path: query.path, body, client: clientLabel(identity) });
  return Response.json(placed.entry, { status: placed.created ? 201 : 200 });
}, { allow: ["owner"] });
