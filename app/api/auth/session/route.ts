import { publicRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Who the caller is (null when nobody): lets the UI decide whether to show the login form. */
export const GET = publicRoute(async (_request, { identity }) => Response.json({ identity }));
