import { z } from "zod";
import type { Db } from "@/lib/server/db";

export const checkPresentBody = z.object({
  sha256: z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be hex SHA-256 digests")).max(10_000),
});

/** Which of the given SHA-256 digests the library already holds (lets clients skip uploads). */
export async function checkPresent(db: Db, digests: string[]): Promise<string[]> {
  const wanted = [...new Set(digests.map((d) => d.toLowerCase()))];
  const present: string[] = [];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db.asset.findMany({ where: { sha256: { in: wanted.slice(i, i + 500) } }, select: { sha256: true } });
    present.push(...rows.map((r) => r.sha256));
  }
  return present;
}
