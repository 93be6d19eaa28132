import { apiRoute } from "@/lib/http/api-route";
import { getImportFolderStatus } from "@/lib/import-folder/get-import-folder-status";

export const runtime = "nodejs";

/** The import folder (ALBUMS_IMPORT_DIR): `{importFolder: null}` when unset, else its last poll, files per state and refused files. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ importFolder: await getImportFolderStatus(deps.db, deps.config) }));
