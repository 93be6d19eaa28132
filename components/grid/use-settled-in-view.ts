"use client";
import { type RefObject, useEffect, useState } from "react";

/** How long a tile must stay near the viewport before its thumbnail is requested. */
const SETTLE_MS = 150;
/** "Near": the viewport plus half its height above and below (read-ahead for slow scrolling). */
const MARGIN = "50% 0px";

/** Every tile watched, with what to call once it settled. */
const settleOf = new Map<Element, () => void>();
/** Tiles near the viewport now, with when they came near. */
const nearSince = new Map<Element, number>();
let observer: IntersectionObserver | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

// One observer and one timer for every tile (thousands of tiles in a long album grid): the tiles
// that settle together are told in one task, and React renders them in one batch.
function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver((entries) => {
    const now = performance.now();
    for (const entry of entries) {
      if (!entry.isIntersecting) nearSince.delete(entry.target);
      else if (!nearSince.has(entry.target)) nearSince.set(entry.target, now);
    }
    schedule(now);
  }, { rootMargin: MARGIN });
  return observer;
}

function schedule(now: number): void {
  if (timer) clearTimeout(timer);
  timer = null;
  let next = Infinity;
  for (const since of nearSince.values()) next = Math.min(next, since + SETTLE_MS);
  if (next < Infinity) timer = setTimeout(settle, Math.max(0, next - now));
}

function settle(): void {
  timer = null;
  const now = performance.now();
  const due: (() => void)[] = [];
  for (const [el, since] of nearSince) {
    if (now - since < SETTLE_MS) continue;
    nearSince.delete(el);
    const done = settleOf.get(el);
    if (done) due.push(done);
  }
  due.forEach((done) => done());
  schedule(now);
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
    settleOf.set(el, () => setSettled(true));
    shared().observe(el);
    return () => {
      settleOf.delete(el);
      nearSince.delete(el);
      shared().unobserve(el);
    };
  }, [ref, settled]);
  return settled;
}
