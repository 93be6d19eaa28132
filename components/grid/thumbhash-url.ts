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
