import { z } from "zod";
import { restoreVersion } from "@/lib/files/restore-version";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Makes a previous version current again; what it replaces becomes the newest version. */
export const POST = apiRoute<{ id: string; versionId: string }>(async (_request, { deps, params }) => {
  return Response.json(await restoreVersion(deps, { entryId: params.id, versionId: z.coerce.number().int().min(1).parse(params.versionId) }));
}, { allow: ["owner"] });
