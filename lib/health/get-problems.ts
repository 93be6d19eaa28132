import type { Config } from "@/lib/config";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import { gatherHealthFacts } from "./gather-health-facts";
import { listProblems, type Problem } from "./list-problems";

export type ProblemsReport = { checkedAt: string; problems: Problem[] };

/** `GET /api/admin/health`: what needs the owner's attention now (the banner and the Health panel). */
export async function getProblems(deps: { db: Db; paths: LibraryPaths; config: Config }, now = new Date()): Promise<ProblemsReport> {
  return { checkedAt: now.toISOString(), problems: listProblems(await gatherHealthFacts(deps, now)) };
}
