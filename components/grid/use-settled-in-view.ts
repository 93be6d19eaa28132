"use client";
import { type RefObject, useEffect, useState } from "react";

/** How long a tile must stay near the viewport before its thumbnail is requested. */
const SETTLE_MS = 150;
/** "Near": the viewport plus half its height above and below (read-ahead for slow scrolling). */
const MARGIN = "50% 0px";

type Listener = (inView: boolean) => void;
const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

// One observer for every tile (thousands of tiles in a long album grid).
function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => entries.forEach((e) => listeners.get(e.target)?.(e.isIntersecting)), { rootMargin: MARGIN });
  return observer;
}

/**
 * True once the element has stayed near the viewport for SETTLE_MS, and from then on. Tiles that a
 * fast scroll or a scrubber jump only flies past never ask for their thumbnail, so the requests for
 * what the user stops at are not queued behind hundreds of useless ones.
 */
export function useSettledInView(ref: RefObject<Element | null>): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || settled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    listeners.set(el, (inView) => {
      if (!inView) return stop();
      timer ??= setTimeout(() => setSettled(true), SETTLE_MS);
    });
    shared().observe(el);
    return () => {
      stop();
      listeners.delete(el);
      shared().unobserve(el);
    };
  }, [ref, settled]);
  return settled;
}
