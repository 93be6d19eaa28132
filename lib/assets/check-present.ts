import { z } from "zod";
import type { Db } from "@/lib/server/db";
import { inBatches } from "@/lib/server/in-batches";

export const checkPresentBody = z.object({
  sha256: z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be hex SHA-256 digests")).max(10_000),
});

/** Which of the given SHA-256 digests the library already holds (lets clients skip uploads). */
export async function checkPresent(db: Db, digests: string[]): Promise<string[]> {
  const wanted = [...new Set(digests.map((d) => d.toLowerCase()))];
  const rows = await inBatches(wanted, (batch) => db.asset.findMany({ where: { sha256: { in: batch } }, select: { sha256: true } }));
  return rows.flat().map((r) => r.sha256);
}
