// Offline app shell: pages network-first (the last good copy of that page when offline or when the
// box does not answer within a few seconds), Next's hashed static files and icons cache-first,
// thumbnails and previews cache-first into a bounded "recently viewed" cache, and the timeline's
// JSON pages and viewed photos' details network-first into a bounded cache, so an unreachable box
// still shows the last timeline pages and the recently viewed photos.
import { THUMBS_CACHE } from "@/lib/pwa/cache-names";
import { SHARE_KEY_CACHE } from "./share-target";

export const STATIC_CACHE = `albums-static-${BUILD_ID}`;
export const PAGES_CACHE = `albums-pages-${BUILD_ID}`;
export const API_CACHE = "albums-api";
const SHELL_PAGES = ["/", "/upload"];
const SHELL_FILES = ["/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-512.png"];
const MAX_THUMBS = 300;
const MAX_API = 80;
/** Past this a request to the box counts as unanswered and the cached copy is used (not after ~20 s). */
const NETWORK_TIMEOUT_MS = 3000;
/** The JSON the timeline and the viewer need: pages of items, the day index, one asset's details. */
const KEPT_JSON = /^\/api\/(assets|timeline\/days|assets\/[^/]+)$/;

/** Caches the shell pages, the static files they load, the manifest and icons (install step). */
export async function precacheShell(): Promise<void> {
  const pages = await caches.open(PAGES_CACHE);
  const assets = new Set(SHELL_FILES);
  for (const page of SHELL_PAGES) {
    const response = await fetch(page, { cache: "no-store" });
    if (!response.ok) throw new Error(`precache ${page}: ${response.status}`);
    for (const match of (await response.clone().text()).matchAll(/\/_next\/static\/[^"'\\\s)]+/g)) assets.add(match[0]);
    await pages.put(page, response);
  }
  await (await caches.open(STATIC_CACHE)).addAll([...assets]);
}

/** Drops caches of previous builds (activate step). */
export async function dropOldCaches(): Promise<void> {
  const keep = new Set([STATIC_CACHE, PAGES_CACHE, THUMBS_CACHE, SHARE_KEY_CACHE, API_CACHE]);
  for (const name of await caches.keys()) if (name.startsWith("albums-") && !keep.has(name)) await caches.delete(name);
}

/**
 * The response for a GET this worker handles, or null to let the browser fetch it itself.
 * `later` keeps the worker alive for work that need not hold the response up (event.waitUntil).
 */
export function shellResponse(request: Request, url: URL, later: (work: Promise<unknown>) => void): Promise<Response> | null {
  if (request.mode === "navigate") return networkFirst(request, url, later);
  if (/^\/api\/assets\/[^/]+\/thumbnail$/.test(url.pathname)) return cacheFirst(request, THUMBS_CACHE, later, { maxEntries: MAX_THUMBS, onlyImmutable: true });
  if (KEPT_JSON.test(url.pathname)) return networkFirstJson(request, later);
  if (url.pathname.startsWith("/_next/static/") || SHELL_FILES.includes(url.pathname)) return cacheFirst(request, STATIC_CACHE, later);
  return null;
}

/**
 * A page from the box, kept for later. When the box is slow, this page's kept copy; with none,
 * the box's answer however long it takes (never another page's HTML under this address: its
 * screen would not hydrate). Only when the box cannot be reached at all and nothing of this page
 * is kept: a redirect to Photos, which shows what this device kept.
 */
async function networkFirst(request: Request, url: URL, later: (work: Promise<unknown>) => void): Promise<Response> {
  const pages = await caches.open(PAGES_CACHE);
  // The page streams to the screen as it arrives; keeping its copy waits for the whole body aside.
  const network = fetch(request).then((response) => {
    if (response.ok && response.type === "basic" && !url.search) later(pages.put(url.pathname, response.clone()));
    return response;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), NETWORK_TIMEOUT_MS)));
  const first = await Promise.race([network, late]).catch(() => "unreachable" as const);
  clearTimeout(timer);
  if (first instanceof Response) return first;
  const kept = await pages.match(url.pathname);
  if (kept) return kept;
  const answer = first === "late" ? await network.catch(() => null) : null;
  return answer ?? (url.pathname === "/" ? Response.error() : Response.redirect(new URL("/", url).href, 302));
}

/** The box's answer (kept, the cache bounded), or the last kept copy when the box does not answer in time. */
async function networkFirstJson(request: Request, later: (work: Promise<unknown>) => void): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
    if (response.status === 200) later(store(cache, request, response.clone(), MAX_API));
    return response;
  } catch {
    // Nothing kept: wait for the box however long it takes.
    return (await cache.match(request)) ?? fetch(request);
  }
}

/**
 * Cached copy, else the network's answer at once — storing it (and trimming the cache) happens
 * after. `onlyImmutable`: keep only what the box says never changes under its URL (a thumbnail
 * re-rendered meanwhile comes `no-store`, an unversioned one `no-cache`: either would keep an old picture).
 */
async function cacheFirst(request: Request, cacheName: string, later: (work: Promise<unknown>) => void, options: { maxEntries?: number; onlyImmutable?: boolean } = {}): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  const keep = response.status === 200 && (!options.onlyImmutable || /immutable/.test(response.headers.get("cache-control") ?? ""));
  if (keep) later(store(cache, request, response.clone(), options.maxEntries));
  return response;
}

async function store(cache: Cache, request: Request, response: Response, maxEntries?: number): Promise<void> {
  await cache.put(request, response);
  if (!maxEntries) return;
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - maxEntries))) await cache.delete(old);
}
