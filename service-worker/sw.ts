// The service worker (built to /sw.js by lib/server/build-service-worker.ts): offline app shell,
// the share target, and the upload queue's wake-ups (Background Sync, worker start, messages), which
// also scan the folders picked for backup (and Periodic Background Sync where the browser grants it).
import { dropOldCaches, precacheShell, shellResponse } from "./app-shell";
import { SYNC_TAG } from "@/lib/upload-queue/queue-store";
import { FOLDER_SCAN_TAG } from "@/lib/folder-backup/folder-store";
import { kickQueue, scanAndKick } from "./queue";
import { handleShare, withShareKey } from "./share-target";
import { sw } from "./scope";

sw.addEventListener("install", (event) => event.waitUntil(precacheShell()));

sw.addEventListener("activate", (event) => event.waitUntil(dropOldCaches().then(() => sw.clients.claim())));

sw.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== sw.location.origin) return;
  // Without this install's key the browser sends the post to the box itself, with the real
  // Sec-Fetch-Site its share route checks (a worker's own fetch would present it as same-origin).
  if (event.request.method === "POST" && url.pathname === "/share") return url.searchParams.has("key") ? event.respondWith(handleShare(event)) : undefined;
  if (event.request.method !== "GET") return;
  const response = shellResponse(event.request, url, (work) => event.waitUntil(work));
  if (response) event.respondWith(url.pathname === "/manifest.webmanifest" ? withShareKey(response) : response);
});

/** A wake-up from Background Sync: rejecting while files still wait makes the browser try again later. */
sw.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    scanAndKick().then((summary) => {
      if (summary.waiting > 0 && !event.lastChance) throw new Error(`${summary.waiting} files still waiting`);
    }),
  );
});

/** A periodic wake-up (installed app, granted by the browser's engagement heuristics): new photos in the picked folders. */
sw.addEventListener("periodicsync", (event) => {
  if (event.tag === FOLDER_SCAN_TAG) event.waitUntil(scanAndKick());
});

sw.addEventListener("message", (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === "SKIP_WAITING") void sw.skipWaiting();
  if (type === "SYNC") event.waitUntil(kickQueue());
});

// Replay whatever is queued whenever the worker starts.
void kickQueue().catch(() => {});
