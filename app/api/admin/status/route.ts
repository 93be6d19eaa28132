import { getLibraryStatus } from "@/lib/admin/get-library-status";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";

/** Storage use, backup status, trash rule and identity settings. */
export const GET = apiRoute(async (_request, { deps }) => Response.json(await getLibraryStatus(deps)));
