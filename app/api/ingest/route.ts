import { ingestUpload, recordUnauthorizedUpload } from "@/lib/assets/ingest-upload";
import { apiRoute, clientLabel } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const POST = apiRoute(
  async (request, { deps, identity }) => {
    const result = await ingestUpload(deps, { body: request.body, contentType: request.headers.get("content-type"), client: clientLabel(identity), signal: request.signal });
    return Response.json(result, { status: result.status === "ingested" ? 201 : 200 });
  },
  { onUnauthorized: recordUnauthorizedUpload },
);
