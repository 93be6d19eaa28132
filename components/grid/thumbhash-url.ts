import { useEffect, useState } from "react";
import { thumbHashToDataURL } from "thumbhash";

/** How long one batch of decodes may hold the main thread before it yields to the browser. */
const SLICE_MS = 6;

const cache = new Map<string, string>();

/** A data: URL of the blurred placeholder (decoded once per hash; allowed by the CSP's img-src data:). */
export function thumbhashUrl(hash: string | null): string | undefined {
  if (!hash) return undefined;
  let url = cache.get(hash);
  if (!url) {
    url = thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    if (cache.size > 5000) cache.clear();
    cache.set(hash, url);
  }
  return url;
}

/** Hashes waiting to be decoded, each with the tiles that wait for it. */
const waiting = new Map<string, Set<() => void>>();
let draining = false;

function drain(): void {
  const end = performance.now() + SLICE_MS;
  const done: (() => void)[] = [];
  for (const [hash, listeners] of waiting) {
    if (performance.now() >= end) break;
    waiting.delete(hash);
    thumbhashUrl(hash);
    done.push(...listeners);
  }
  // Told together: React renders the tiles of one slice in one batch.
  done.forEach((listener) => listener());
  draining = waiting.size > 0;
  if (draining) setTimeout(drain, 0);
}

function whenDecoded(hash: string, listener: () => void): () => void {
  const listeners = waiting.get(hash) ?? new Set();
  listeners.add(listener);
  waiting.set(hash, listeners);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && waiting.get(hash) === listeners) waiting.delete(hash);
  };
}

/**
 * A tile's placeholder: at once when this hash was already decoded, otherwise decoded after the
 * render, together with the other tiles' in a few short tasks (a screen of tiles decoding during
 * one render, or one timer each, made long main-thread tasks at page start). `null` (e.g. the
 * thumbnail has loaded) asks for nothing, and a tile that no longer waits is dropped from the queue.
 */
export function useThumbhashUrl(hash: string | null): string | undefined {
  const [decoded, setDecoded] = useState<{ hash: string; url: string | undefined } | null>(null);
  const url = hash ? (decoded?.hash === hash ? decoded.url : cache.get(hash)) : undefined;
  useEffect(() => {
    if (!hash || cache.has(hash)) return;
    return whenDecoded(hash, () => setDecoded({ hash, url: cache.get(hash) }));
  }, [hash]);
  return url;
}
