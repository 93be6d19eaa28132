import { z } from "zod";
import { createSelectionDownload } from "@/lib/downloads/create-selection-download";
import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

const Body = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100_000) });

/** `{ids}` → 201 `{id, url, expiresAt}`: `GET url` is the selection's ZIP, resumable with Range for a day. */
export const POST = apiRoute(async (request, { deps }) => {
  const { ids } = Body.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }));
  return Response.json(await createSelectionDownload(deps.db, ids), { status: 201 });
}, { allow: ["owner", "token"] });
