import type { Problem } from "@/lib/health/list-problems";

export type Notification = { key: string; title: string; body: string; severity: "error" | "warning" | "info" };

/** A finished Takeout import, for its verdict message. */
export type FinishedImport = { id: string; status: string; safeToDelete: boolean | null; summary: string };

/** What was sent when, kept between passes (a Setting row). */
export type NotifyState = { lastSent: Record<string, string>; recent: string[] };

export const EMPTY_NOTIFY_STATE: NotifyState = { lastSent: {}, recent: [] };

export type NotifyLimits = { /** A problem still there is told again after this long. */ repeatAfterMs: number; /** At most this many messages per rolling hour; the rest wait for a later pass. */ maxPerHour: number };

export const DEFAULT_LIMITS: NotifyLimits = { repeatAfterMs: 24 * 3_600_000, maxPerHour: 6 };

/**
 * Which messages to send now, and the state after sending them. Pure. A problem is told when it
 * appears, again daily while it lasts, and anew if it comes back after going away; a finished
 * import once. Past `maxPerHour` in the last hour, the rest wait (errors first).
 */
export function planNotifications(problems: Problem[], imports: FinishedImport[], state: NotifyState, now: Date, limits: NotifyLimits = DEFAULT_LIMITS): { send: Notification[]; state: NotifyState } {
  const hourAgo = now.getTime() - 3_600_000;
  const recent = state.recent.filter((at) => Date.parse(at) > hourAgo);
  const current = new Set([...problems.map((p) => `problem:${p.code}`), ...imports.map((i) => `import:${i.id}`)]);
  // A problem that went away is forgotten, so its return is told at once; imports are remembered.
  const lastSent = Object.fromEntries(Object.entries(state.lastSent).filter(([key]) => key.startsWith("import:") || current.has(key)));
  const due = (key: string, repeat: boolean) => !lastSent[key] || (repeat && now.getTime() - Date.parse(lastSent[key]) >= limits.repeatAfterMs);
  const candidates: Notification[] = [
    ...problems
      .filter((p) => due(`problem:${p.code}`, true))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
      .map((p): Notification => ({ key: `problem:${p.code}`, title: p.title, body: `${p.detail}\n\nWhat to do: ${p.action}`, severity: p.severity })),
    ...imports
      .filter((i) => due(`import:${i.id}`, false))
      .map((i): Notification => ({
        key: `import:${i.id}`,
        title: i.status === "done" ? `Import finished${i.safeToDelete ? ": safe to delete from Google" : ": not yet safe to delete from Google"}` : `Import ${i.status}`,
        body: i.summary,
        severity: i.status === "done" && i.safeToDelete ? "info" : "warning",
      })),
  ];
  const send = candidates.slice(0, Math.max(0, limits.maxPerHour - recent.length));
  for (const n of send) lastSent[n.key] = now.toISOString();
  return { send, state: { lastSent, recent: [...recent, ...send.map(() => now.toISOString())] } };
}
