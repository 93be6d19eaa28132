import { apiRoute } from "@/lib/http/api-route";
import { JSON_LIMITS, readJson } from "@/lib/http/read-json";
import { listImports } from "@/lib/takeout/list-imports";
import { startImport, startImportBody } from "@/lib/takeout/start-import";

export const runtime = "nodejs";

export const GET = apiRoute(async (_request, { deps }) => Response.json({ imports: await listImports(deps) }));

/** Queues an import of uploaded Takeout parts or ones in ALBUMS_IMPORT_DIRS: `{paths: [...], includeTrashed?}`. */
export const POST = apiRoute(async (request, { deps }) => Response.json(await startImport(deps, startImportBody.parse(await readJson(request, { maxBytes: JSON_LIMITS.list }))), { status: 202 }));
