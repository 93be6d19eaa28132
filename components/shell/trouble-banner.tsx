"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useHydrated } from "../use-hydrated";
import { useProblems } from "./use-problems";

/**
 * A banner over every gallery screen while something needs the owner's attention (missing or
 * unreadable originals, quarantine, backups, disk, worker, egress, journal): the worst titles and
 * a link to the Health panel. Not shown on the settings screen, which has the panel itself.
 */
export function TroubleBanner() {
  const { data } = useProblems();
  const pathname = usePathname();
  const hydrated = useHydrated();
  if (!hydrated || !data || data.problems.length === 0 || pathname === "/admin") return null;
  const errors = data.problems.filter((p) => p.severity === "error");
  const shown = data.problems.slice(0, 2).map((p) => p.title);
  const more = data.problems.length - shown.length;
  return (
    <div
      role="alert"
      data-testid="trouble-banner"
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-2 text-sm ${errors.length > 0 ? "border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950 dark:text-red-50" : "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-50"}`}
    >
      <span className="font-semibold">{errors.length > 0 ? "Your library needs attention:" : "Heads up:"}</span>
      <span>
        {shown.join(" · ")}
        {more > 0 ? ` · ${more} more` : ""}
      </span>
      <Link prefetch={false} href="/admin#health" className="ml-auto font-semibold underline">
        Details
      </Link>
    </div>
  );
}
