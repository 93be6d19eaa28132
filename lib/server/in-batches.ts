/**
 * Statements bind at most this many ids. SQLite as Prisma's adapter drives it refuses more than
 * 999 bound parameters per statement, and a batch leaves room for the statement's other ones.
 */
export const SQL_BATCH = 500;

/**
 * Runs `work` on consecutive slices of `items` (at most `size` each), one after another, and
 * returns the results in order. Every bulk statement whose list comes from a request goes
 * through it; inside a transaction the batches still commit or roll back together.
 */
export async function inBatches<T, R>(items: readonly T[], work: (batch: T[]) => Promise<R>, size = SQL_BATCH): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(await work(items.slice(start, start + size)));
  return results;
}

/** The sum of the `count`s that batched `updateMany`/`deleteMany`/`count` calls return. */
export function total(results: ReadonlyArray<number | { count: number }>): number {
  return results.reduce<number>((sum, r) => sum + (typeof r === "number" ? r : r.count), 0);
}
