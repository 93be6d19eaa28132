"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useProblems } from "./use-problems";

/**
 * A banner over every gallery screen while something needs the owner's attention (missing or
 * unreadable originals, quarantine, backups, disk, worker, egress, journal): the worst titles and
 * a link to the Health panel. Not shown on the settings screen, which has the panel itself. It
 * floats over the bottom of the screen (it arrives after the page: in the flow it would push
 * everything down under the reader's eyes; only its link and button take taps), and "Hide" puts
 * it away until the problems change.
 */
export function TroubleBanner() {
  const { data } = useProblems();
  const pathname = usePathname();
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  const shownFor = data?.problems.map((p) => p.code).join(" ");
  if (!data || data.problems.length === 0 || pathname === "/admin" || shownFor === hiddenFor) return null;
  const errors = data.problems.filter((p) => p.severity === "error");
  const shown = data.problems.slice(0, 2).map((p) => p.title);
  const more = data.problems.length - shown.length;
  return (
    <div
      role="alert"
      data-testid="trouble-banner"
      className={`pointer-events-none fixed inset-x-2 bottom-16 z-30 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl border px-4 py-2 text-sm shadow-lg md:bottom-4 md:left-60 md:right-4 ${errors.length > 0 ? "border-red-200 bg-red-50 text-red-950 dark:border-red-900 dark:bg-red-950 dark:text-red-50" : "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-50"}`}
    >
      <span className="font-semibold">{errors.length > 0 ? "Your library needs attention:" : "Heads up:"}</span>
      <span>
        {shown.join(" · ")}
        {more > 0 ? ` · ${more} more` : ""}
      </span>
      <Link prefetch={false} href="/admin#health" className="pointer-events-auto ml-auto font-semibold underline">
        Details
      </Link>
      <button type="button" className="pointer-events-auto font-semibold underline" onClick={() => setHiddenFor(shownFor ?? null)}>
        Hide
      </button>
    </div>
  );
}
