import { newQueueItem } from "@/lib/upload-queue/queue-item";
import { kickQueue, requestSync, workerQueue } from "./queue";
import { sw } from "./scope";

/** Holds this install's share key (Cache Storage: it outlives worker restarts and updates). */
export const SHARE_KEY_CACHE = "albums-share-key";
const KEY_ENTRY = "/share-key";
let key: Promise<string> | undefined;

/**
 * This install's share key: random, made once per browser profile, never sent to the box. Only
 * this worker and the manifest it serves know it, so only the share sheet can launch /share with it.
 */
function shareKey(): Promise<string> {
  key ??= (async () => {
    const cache = await caches.open(SHARE_KEY_CACHE);
    const stored = await cache.match(KEY_ENTRY);
    if (stored) return stored.text();
    const fresh = Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, "0")).join("");
    await cache.put(KEY_ENTRY, new Response(fresh));
    return fresh;
  })().catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  return key;
}

/**
 * The web app manifest as this worker serves it: the share target's action carries this install's
 * key (`/share?key=…`), so the browser's share-sheet launches reach handleShare with it.
 */
export async function withShareKey(manifest: Promise<Response>): Promise<Response> {
  const response = await manifest;
  if (!response.ok) return response;
  const body = (await response.clone().json()) as { share_target?: { action?: string } };
  if (!body.share_target) return response;
  body.share_target.action = `/share?key=${await shareKey()}`;
  return new Response(JSON.stringify(body), { headers: { "Content-Type": response.headers.get("Content-Type") ?? "application/manifest+json" } });
}

/**
 * A share-sheet launch of POST /share?key=…: the files go into the upload queue (IndexedDB,
 * durable before the answer) and the user lands on the upload screen, which shows them; uploading
 * starts at once.
 *
 * CSRF: a worker cannot see Sec-Fetch-Site or a suppressed referrer, so it trusts only its key,
 * which a page of another site cannot read. A post to /share without a key is not answered here
 * at all (sw.ts): the browser sends it to the box, whose share route checks the real
 * Sec-Fetch-Site (a share sheet's navigation is `none`, a cross-site form's `cross-site`). A wrong
 * key is refused here, before the body is read.
 */
export async function handleShare(event: FetchEvent): Promise<Response> {
  if (new URL(event.request.url).searchParams.get("key") !== (await shareKey())) {
    const shareError = "This share did not come from this device's share sheet; nothing was added.";
    return Response.redirect(new URL(`/upload?${new URLSearchParams({ shareError })}`, sw.location.origin).href, 303);
  }
  const form = await event.request.formData();
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.size > 0);
  const { store } = await workerQueue();
  const now = Date.now();
  await store.add(files.map((file) => newQueueItem(file, "share", now, crypto.randomUUID())));
  event.waitUntil(requestSync().then(() => kickQueue()));
  return Response.redirect(new URL(`/upload?shared=${files.length}`, sw.location.origin).href, 303);
}
