import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

export const ingestAuditQuery = z.object({
  outcome: z.enum(["ingested", "duplicate", "rejected"]).optional(),
  source: z.string().min(1).max(32).optional(),
  /** Part of the file name. */
  q: z.string().trim().min(1).max(200).optional(),
  /** The id of the last row of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type IngestAuditRow = { id: number; at: string; source: string; client: string; originalName: string; size: number | null; outcome: string; errorCode: string | null; message: string | null; assetId: string | null };

/** The ingest audit log, newest first, filtered by outcome, source and file name; id-keyset pages. */
export async function listIngestAudit(db: Db, query: z.infer<typeof ingestAuditQuery>): Promise<{ items: IngestAuditRow[]; nextCursor: number | null }> {
  const where: Prisma.IngestAuditWhereInput = {
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.q ? { originalName: { contains: query.q } } : {}),
    ...(query.cursor ? { id: { lt: query.cursor } } : {}),
  };
  const rows = await db.ingestAudit.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ id: r.id, at: r.at.toISOString(), source: r.source, client: r.client, originalName: r.originalName, size: r.size === null ? null : Number(r.size), outcome: r.outcome, errorCode: r.errorCode, message: r.message, assetId: r.assetId })),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}
