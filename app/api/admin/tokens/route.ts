import { createApiToken, createTokenBody, listApiTokens } from "@/lib/auth/api-tokens";
import { apiRoute, requireInteractive } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const GET = apiRoute(async (_request, { deps, identity }) => {
  requireInteractive(identity);
  return Response.json({ tokens: await listApiTokens(deps.db) });
});

/** Creates a token; the plaintext is in this response only. */
export const POST = apiRoute(async (request, { deps, identity }) => {
  requireInteractive(identity);
  const { name } = createTokenBody.parse(await readJson(request));
  return Response.json(await createApiToken(deps.db, name), { status: 201 });
});
