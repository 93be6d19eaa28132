import { logIn, logInBody } from "@/lib/auth/log-in";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { publicRoute } from "@/lib/http/api-route";
import { PEER_HEADER } from "@/lib/http/peer";
import { readJson } from "@/lib/http/read-json";

export const runtime = "nodejs";

export const POST = publicRoute(async (request, { deps }) => {
  const { passphrase } = logInBody.parse(await readJson(request));
  const client = request.headers.get(PEER_HEADER) ?? "unknown";
  const session = await logIn(deps.db, { passphrase, client, userAgent: request.headers.get("user-agent") });
  return Response.json({ ok: true, expiresAt: session.expiresAt.toISOString() }, { headers: { "Set-Cookie": sessionCookie(request, session.token, session.expiresAt) } });
});
