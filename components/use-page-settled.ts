"use client";
import { useSyncExternalStore } from "react";

/** The longest the browser may stay busy after the load before the page counts as settled anyway. */
const IDLE_TIMEOUT_MS = 1000;

let settled = false;
let armed = false;
const listeners = new Set<() => void>();

function whenSettled(listener: () => void): () => void {
  listeners.add(listener);
  if (!armed) {
    armed = true;
    const done = () => {
      settled = true;
      listeners.forEach((waiting) => waiting());
      listeners.clear();
    };
    const whenIdle = () => (typeof requestIdleCallback === "function" ? requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(done, 0));
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
  }
  return () => void listeners.delete(listener);
}

/**
 * False on the server, while React hydrates and until the page has loaded and the browser had a
 * quiet moment (at most a second after the load); true from then on, and at once for anything
 * mounted later. Work the first screen does not need (the status polls of the egress pin, the
 * trouble banner and the reachability probe; the service worker's registration) starts then,
 * outside the page's start-up work.
 */
export function usePageSettled(): boolean {
  return useSyncExternalStore(
    whenSettled,
    () => settled,
    () => false,
  );
}
