"use client";
import { useEffect, useState } from "react";
import { usePageSettled } from "../use-page-settled";

/** How long the box may take to answer before it counts as out of reach (not the browser's ~20 s). */
const PROBE_TIMEOUT_MS = 2500;
const PROBE_EVERY_MS = 20_000;

/** Whether the box answers now: false when the device is offline or the probe fails or times out. */
async function boxAnswers(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    const response = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel().catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/**
 * Says at once when the box is out of reach (the device offline, or the box not answering within
 * a couple of seconds), so the owner knows the photos shown are the ones this device kept — the
 * last timeline pages and the photos recently viewed — and that changes wait. The box is first
 * asked once the page has settled (the device's own offline state counts from the start).
 */
export function OfflineBanner() {
  const [reachable, setReachable] = useState(true);
  const settled = usePageSettled();
  useEffect(() => {
    const offline = () => setReachable(false);
    if (!navigator.onLine) offline();
    window.addEventListener("offline", offline);
    return () => window.removeEventListener("offline", offline);
  }, []);
  useEffect(() => {
    if (!settled) return;
    let stopped = false;
    const probe = () => void boxAnswers().then((ok) => !stopped && setReachable(ok));
    probe();
    const timer = setInterval(probe, PROBE_EVERY_MS);
    window.addEventListener("online", probe);
    document.addEventListener("visibilitychange", probe);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("online", probe);
      document.removeEventListener("visibilitychange", probe);
    };
  }, [settled]);
  if (reachable) return null;
  return (
    <div role="status" data-testid="offline-banner" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-300 bg-slate-800 px-4 py-2 text-sm text-white">
      <span className="font-semibold">Can’t reach your box.</span>
      <span>Showing the photos this device kept; changes wait until it is back.</span>
      <button type="button" className="underline" onClick={() => void boxAnswers().then(setReachable)}>Try again</button>
    </div>
  );
}
