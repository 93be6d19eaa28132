"use client";
import { useQuery } from "@tanstack/react-query";
import { Icon } from "../icons";
import type { Health } from "../types";
import { usePageSettled } from "../use-page-settled";

/**
 * "0 cloud calls": the box's real counter of outbound connections it blocked (server + worker,
 * from /api/health, whose body is read even when it answers 503 for a stopped worker). Anything
 * above 0 is shown in red with when it last happened. Asked once the page has settled (not in its
 * start-up work). Several pins share one query, so a pin in a Suspense boundary that hydrates
 * after the shell's pin fetched would otherwise render the answer over the server's empty HTML (a
 * hydration mismatch): nothing shows before the page has settled, which is after hydration.
 */
export function EgressPin({ compact = false }: { compact?: boolean }) {
  const settled = usePageSettled();
  const { data } = useQuery({ queryKey: ["health"], queryFn: async () => (await fetch("/api/health")).json() as Promise<Health>, refetchInterval: 30_000, enabled: settled });
  if (!data || !settled) return null;
  const blocked = data.egress.blocked;
  const label = blocked === 0 ? "0 cloud calls" : `${blocked} outbound ${blocked === 1 ? "call" : "calls"} blocked`;
  const title = blocked === 0 ? "Nothing has tried to leave the box since it started (counted by the egress guard)." : `Blocked and counted; last at ${data.egress.lastBlocked ?? "?"}. See the server log.`;
  return (
    <span
      data-testid="egress-pin"
      title={title}
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-semibold ${blocked === 0 ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"}`}
    >
      <Icon name="shield" className="h-4 w-4" />
      {compact && blocked === 0 ? "0 cloud" : label}
    </span>
  );
}
