import { getConfig } from "@/lib/config";
import { getHealth } from "@/lib/health/get-health";
import { getDb } from "@/lib/server/db";
import packageJson from "@/package.json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Public: no identity needed, reveals no library content. */
export async function GET(): Promise<Response> {
  const health = await getHealth(await getDb(), getConfig(), packageJson.version);
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
