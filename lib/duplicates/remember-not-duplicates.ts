import type { DbTx } from "@/lib/server/db";

/** Records every pair among these photos (content hashes) as "not duplicates"; repeating changes nothing. */
export async function rememberNotDuplicates(tx: DbTx, sha256s: string[]): Promise<void> {
  const sorted = [...new Set(sha256s)].sort();
  const data = sorted.flatMap((shaA, i) => sorted.slice(i + 1).map((shaB) => ({ shaA, shaB })));
  for (const pair of data) await tx.notDuplicate.upsert({ where: { shaA_shaB: pair }, create: pair, update: {} });
}
