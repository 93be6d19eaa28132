import { clearedSessionCookies, readSessionCookies } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/sessions";
import { publicRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

export const POST = publicRoute(async (request, { deps }) => {
  for (const token of readSessionCookies(request.headers)) await deleteSession(deps.db, token);
  const headers = new Headers();
  for (const cookie of clearedSessionCookies()) headers.append("Set-Cookie", cookie);
  return Response.json({ ok: true }, { headers });
});
