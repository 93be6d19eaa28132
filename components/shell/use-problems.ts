"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../api";
import type { ProblemsReport } from "../types";
import { useHydrated } from "../use-hydrated";

/**
 * What needs the owner's attention (GET /api/admin/health), shared by the shell's banner and the
 * Health panel. Nothing while React hydrates: the shell hydrates first and may already hold the
 * answer when the screen's boundary hydrates, whose server HTML had none (React error 418).
 */
export function useProblems(): { data: ProblemsReport | undefined; error: Error | null } {
  const hydrated = useHydrated();
  const { data, error } = useQuery({ queryKey: ["problems"], queryFn: () => getJson<ProblemsReport>("/api/admin/health"), refetchInterval: 60_000 });
  return hydrated ? { data, error } : { data: undefined, error: null };
}
