"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../api";
import type { ProblemsReport } from "../types";
import { usePageSettled } from "../use-page-settled";

/**
 * What needs the owner's attention (GET /api/admin/health), shared by the shell's banner and the
 * Health panel. Asked once the page has settled (not in its start-up work); nothing before: the
 * shell may already hold the answer when a screen's boundary hydrates, whose server HTML had none
 * (React error 418).
 */
export function useProblems(): { data: ProblemsReport | undefined; error: Error | null } {
  const settled = usePageSettled();
  const { data, error } = useQuery({ queryKey: ["problems"], queryFn: () => getJson<ProblemsReport>("/api/admin/health"), refetchInterval: 60_000, enabled: settled });
  return settled ? { data, error } : { data: undefined, error: null };
}
