import { apiRoute, clientLabel } from "@/lib/http/api-route";
import { finishUpload } from "@/lib/uploads/finish-upload";

export const runtime = "nodejs";

/** All bytes are here: ingest them (same answers as POST /api/ingest). */
export const POST = apiRoute<{ id: string }>(async (_request, { deps, identity, params }) => {
  const result = await finishUpload(deps, params.id, clientLabel(identity));
  return Response.json(result, { status: result.status === "ingested" ? 201 : 200 });
});
