import { apiRoute } from "@/lib/http/api-route";
import { getBackupNow } from "@/lib/backup/get-backup-now";
import { startBackupNow } from "@/lib/backup/start-backup-now";

export const runtime = "nodejs";

/** The latest "Back up now": status, progress over its steps, error. */
export const GET = apiRoute(async (_request, { deps }) => Response.json({ backup: await getBackupNow(deps.db) }));

/** Starts "Back up now" (or answers the one already under way). */
export const POST = apiRoute(async (_request, { deps }) => Response.json(await startBackupNow(deps.db), { status: 202 }), { allow: ["owner"] });
