"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../api";
import type { ProblemsReport } from "../types";

/** What needs the owner's attention (GET /api/admin/health), shared by the banner and the Health panel. */
export function useProblems() {
  return useQuery({ queryKey: ["problems"], queryFn: () => getJson<ProblemsReport>("/api/admin/health"), refetchInterval: 60_000 });
}
