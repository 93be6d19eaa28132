import type { Config } from "@/lib/config";
import { getProblems } from "@/lib/health/get-problems";
import type { Db } from "@/lib/server/db";
import type { LibraryPaths } from "@/lib/server/paths";
import type { TakeoutReport } from "@/lib/takeout/build-report";
import { EMPTY_NOTIFY_STATE, planNotifications, type FinishedImport, type NotifyLimits, type NotifyState } from "./plan-notifications";
import { sendNotification, type ChannelResult } from "./send-notification";

export const NOTIFY_STATE_KEY = "notify.state";
const IMPORT_WINDOW_MS = 24 * 3_600_000;

/**
 * One notification pass (the server runs one every few minutes when a channel is configured):
 * the health problems (lib/health/list-problems.ts) and the imports finished in the last day,
 * rate-limited by planNotifications, sent to the owner's channels. A message no channel took is
 * tried again next pass. Returns what was sent and how each channel answered.
 */
export async function notifyOwner(deps: { db: Db; paths: LibraryPaths; config: Config }, now = new Date(), limits?: NotifyLimits): Promise<{ sent: string[]; results: ChannelResult[] }> {
  const { db, config } = deps;
  const { notify } = config;
  if (!notify.ntfy && !notify.webhook && !notify.smtp) return { sent: [], results: [] };
  const { problems } = await getProblems(deps, now);
  const stored = await db.setting.findUnique({ where: { key: NOTIFY_STATE_KEY } });
  const state = stored ? (JSON.parse(stored.value) as NotifyState) : EMPTY_NOTIFY_STATE;
  const plan = planNotifications(problems, await finishedImports(db, now), state, now, limits);
  const sent: string[] = [];
  const results: ChannelResult[] = [];
  for (const message of plan.send) {
    const outcome = await sendNotification(notify, message, now);
    results.push(...outcome);
    if (outcome.some((r) => r.ok)) sent.push(message.key);
    else delete plan.state.lastSent[message.key];
  }
  const value = JSON.stringify(plan.state);
  await db.setting.upsert({ where: { key: NOTIFY_STATE_KEY }, create: { key: NOTIFY_STATE_KEY, value }, update: { value } });
  return { sent, results };
}

async function finishedImports(db: Db, now: Date): Promise<FinishedImport[]> {
  const runs = await db.importRun.findMany({
    where: { status: { in: ["done", "failed", "aborted"] }, updatedAt: { gt: new Date(now.getTime() - IMPORT_WINDOW_MS) } },
    select: { id: true, status: true, error: true, report: true },
  });
  return runs.map((run) => {
    const report = run.report ? (JSON.parse(run.report) as Partial<TakeoutReport>) : null;
    const t = report?.totals;
    const totals = t ? `${t.entries} entries: ${t.imported} imported, ${t.duplicate} already there, ${t.skipped} skipped, ${t.failed} failed.` : "";
    const blockers = report?.blockers?.length ? ` Not yet safe to delete: ${report.blockers.slice(0, 3).join("; ")}.` : "";
    return { id: run.id, status: run.status, safeToDelete: report?.safeToDelete ?? null, summary: `${totals}${blockers}${run.error ? ` ${run.error}` : ""} See Settings → Imports.`.trim() };
  });
}
