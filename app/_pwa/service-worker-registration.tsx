"use client";

import { useEffect, useState } from "react";
import type { Workbox } from "workbox-window";
import { usePageSettled } from "@/components/use-page-settled";

/**
 * Registers /sw.js with workbox-window and, when a new version is installed and waiting, offers
 * to reload into it (the waiting worker skips waiting; the page reloads once it takes control).
 * workbox-window loads once the page has settled (loaded, then a quiet moment), so it is no part of
 * the first screen's script, and the worker's install (which fetches the shell pages and static
 * files again) does not compete with the page's own start-up.
 */
export function ServiceWorkerRegistration() {
  const [waiting, setWaiting] = useState<Workbox | null>(null);
  const settled = usePageSettled();

  useEffect(() => {
    if (!settled || !("serviceWorker" in navigator)) return;
    let gone = false;
    void import("workbox-window").then(({ Workbox }) => {
      if (gone) return;
      const wb = new Workbox("/sw.js", { scope: "/" });
      wb.addEventListener("waiting", () => setWaiting(wb));
      void wb.register();
    });
    return () => {
      gone = true;
    };
  }, [settled]);

  if (!waiting) return null;
  const workbox = waiting;
  const update = () => {
    workbox.addEventListener("controlling", () => window.location.reload());
    workbox.messageSkipWaiting();
  };
  return (
    <div role="status" className="fixed inset-x-0 bottom-0 z-50 flex items-center justify-between gap-4 bg-slate-900 px-4 py-3 text-sm text-white">
      <span>A new version of Albums is ready.</span>
      <button type="button" onClick={update} className="rounded bg-sky-500 px-3 py-1 font-medium">
        Reload
      </button>
    </div>
  );
}
