import { useEffect, useState } from "react";
import { thumbHashToDataURL } from "thumbhash";

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

/**
 * A tile's placeholder: at once when this hash was already decoded, otherwise decoded in a task of
 * its own just after the render (a screen of tiles each decoding during one render made a long
 * main-thread task at page start). `null` (e.g. the thumbnail has loaded) asks for nothing.
 */
export function useThumbhashUrl(hash: string | null): string | undefined {
  const [decoded, setDecoded] = useState<{ hash: string; url: string | undefined } | null>(null);
  const url = hash ? (decoded?.hash === hash ? decoded.url : cache.get(hash)) : undefined;
  useEffect(() => {
    if (!hash || url || decoded?.hash === hash) return;
    const timer = setTimeout(() => setDecoded({ hash, url: thumbhashUrl(hash) }), 0);
    return () => clearTimeout(timer);
  }, [hash, url, decoded]);
  return url;
}
