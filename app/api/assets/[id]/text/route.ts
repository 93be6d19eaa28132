import { apiRoute } from "@/lib/http/api-route";
import { readTextPreview } from "@/lib/previews/read-text-preview";

export const runtime = "nodejs";

/** `{format, source, text, truncated}`: a text file's content or a document's extracted text, capped. */
export const GET = apiRoute<{ id: string }>(async (_request, { deps, params }) => {
  return Response.json(await readTextPreview(deps.db, deps.paths, params.id), { headers: { "Cache-Control": "private, no-cache" } });
});
