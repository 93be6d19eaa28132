import { z } from "zod";
import { AppError } from "@/lib/errors";
import { offlineAssetIds } from "@/lib/libraries/offline-assets";
import type { Db } from "@/lib/server/db";
import { toAssetSummary, type AssetSummary } from "./asset-dto";
import { assetViewName, viewWhere } from "./asset-view";

export const listAssetsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  kind: z.enum(["photo", "video", "document", "file"]).optional(),
  /** One shelf of the library; without it, every asset (trashed and archived ones too). */
  view: assetViewName.optional(),
  /** Capture-time window [from, to) (ISO 8601), e.g. one month of the timeline. */
  from: z.iso.datetime({ offset: true }).transform((d) => new Date(d)).optional(),
  to: z.iso.datetime({ offset: true }).transform((d) => new Date(d)).optional(),
});

export type ListAssetsQuery = z.infer<typeof listAssetsQuery>;

/** Opaque cursor: the (capturedAt, id) of the last item returned. */
function encodeCursor(capturedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([capturedAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { capturedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const capturedAt = new Date(at);
    if (typeof id !== "string" || Number.isNaN(capturedAt.getTime())) throw new Error("bad cursor");
    return { capturedAt, id };
  } catch {
    throw new AppError("bad_request", "Invalid cursor.");
  }
}

/**
 * Newest first by capture time (ties by id), keyset-paginated so pages never skip or repeat; one
 * view of the library when asked (e.g. the timeline: photos and videos, not archived, not trashed),
 * optionally one time window.
 */
export async function listAssets(db: Db, query: ListAssetsQuery): Promise<{ items: AssetSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.asset.findMany({
    where: {
      ...(query.view ? viewWhere(query.view) : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.from || query.to ? { capturedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } } : {}),
      ...(after ? { OR: [{ capturedAt: { lt: after.capturedAt } }, { capturedAt: after.capturedAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ capturedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { derivatives: { select: { kind: true, etag: true } }, edit: { select: { rotation: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const offline = await offlineAssetIds(db, page.map((a) => a.id));
  return { items: page.map((a) => toAssetSummary({ ...a, offline: offline.has(a.id) })), nextCursor: rows.length > query.limit && last ? encodeCursor(last.capturedAt, last.id) : null };
}
