import { newQueueItem } from "@/lib/upload-queue/queue-item";
import { kickQueue, requestSync, workerQueue } from "./queue";
import { sw } from "./scope";

/**
 * The share sheet's POST /share: the files go into the upload queue (IndexedDB, durable before
 * the answer) and the user lands on the upload screen, which shows them; uploading starts at once.
 *
 * CSRF: a worker cannot see Sec-Fetch-Site, so a post whose referrer is another site goes on to the
 * server, whose share route refuses cross-site posts. The share sheet sends no referrer. A hostile
 * page that also suppresses its referrer could still get files queued here; they would only be
 * added to the library (nothing is read or deleted), they are listed on the upload screen, and the
 * same holds for the browser's own share-sheet launch, which we must accept.
 */
export async function handleShare(event: FetchEvent): Promise<Response> {
  const referrer = event.request.referrer ? new URL(event.request.referrer) : null;
  if (referrer && referrer.origin !== sw.location.origin) return fetch(event.request);
  const form = await event.request.formData();
  const files = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.size > 0);
  const { store } = await workerQueue();
  const now = Date.now();
  await store.add(files.map((file) => newQueueItem(file, "share", now, crypto.randomUUID())));
  event.waitUntil(requestSync().then(() => kickQueue()));
  return Response.redirect(new URL(`/upload?shared=${files.length}`, sw.location.origin).href, 303);
}
