"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { openFolderStore, type FolderStore } from "@/lib/folder-backup/folder-store";
import { folderFileReader } from "@/lib/folder-backup/read-folder-file";
import { advanceItem } from "@/lib/upload-queue/advance-item";
import { newQueueItem, type QueueItem } from "@/lib/upload-queue/queue-item";
import { openQueueStore, QUEUE_CHANNEL, SYNC_TAG, type QueueStore } from "@/lib/upload-queue/queue-store";
import { createQueueRunner, type QueueRunner } from "@/lib/upload-queue/run-queue";

/** Asks for a Background Sync wake-up, so the service worker retries even after the app is closed. */
export async function requestBackgroundSync(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
  await registration?.sync?.register(SYNC_TAG).catch(() => {});
}

/**
 * The upload queue as seen (and driven) by an open page: the records, re-read whenever any page
 * or the service worker changes them (folder-backup items are read from their folder at upload); a drain when the page opens, comes online, is asked to, or a
 * retry falls due (drains are serialised with the worker's by a Web Lock).
 */
export function useUploadQueue() {
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [syncing, setSyncing] = useState(false);
  const queue = useRef<{ store: QueueStore; folders: FolderStore; runner: QueueRunner } | null>(null);
  const [stores, setStores] = useState<{ store: QueueStore; folders: FolderStore } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async () => {
    if (queue.current) setItems(await queue.current.store.list());
  }, []);

  const sync = useCallback(async () => {
    if (!queue.current) return;
    setSyncing(true);
    try {
      const summary = await queue.current.runner.kick();
      clearTimeout(timer.current);
      if (summary.nextAttemptAt !== null) timer.current = setTimeout(() => void sync(), Math.max(0, summary.nextAttemptAt - Date.now()) + 50);
      if (summary.waiting > 0) await requestBackgroundSync();
    } finally {
      setSyncing(false);
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    let closed = false;
    const channel = new BroadcastChannel(QUEUE_CHANNEL);
    channel.onmessage = () => void refresh();
    const online = () => void sync();
    window.addEventListener("online", online);
    void Promise.all([openQueueStore(), openFolderStore()]).then(async ([store, folders]) => {
      if (closed) return [store, folders].forEach((s) => s.close());
      const runner = createQueueRunner({ store, origin: window.location.origin, fetch: (input, init) => fetch(input, init), readFolderFile: folderFileReader(folders) });
      queue.current = { store, folders, runner };
      setStores({ store, folders });
      await refresh();
      await sync();
    });
    return () => {
      closed = true;
      clearTimeout(timer.current);
      channel.close();
      window.removeEventListener("online", online);
      queue.current?.store.close();
      queue.current?.folders.close();
      queue.current = null;
      setStores(null);
    };
  }, [refresh, sync]);

  const add = useCallback(
    async (files: File[]) => {
      if (!queue.current || files.length === 0) return;
      const now = Date.now();
      await queue.current.store.add(files.map((file) => newQueueItem(file, "upload", now, crypto.randomUUID())));
      await requestBackgroundSync();
      await sync();
    },
    [sync],
  );

  const retry = useCallback(
    async (id: string) => {
      await queue.current?.store.update(id, (item) => advanceItem(item, { type: "retry" }, Date.now()));
      await sync();
    },
    [sync],
  );

  /** "Sync now": files waiting out a backoff are tried at once. */
  const syncNow = useCallback(async () => {
    const store = queue.current?.store;
    if (!store) return;
    for (const item of await store.list()) if (item.state === "pending") await store.update(item.id, (current) => advanceItem(current, { type: "retry" }, Date.now()));
    await sync();
  }, [sync]);

  const remove = useCallback(async (item: QueueItem) => {
    await queue.current?.store.remove(item.id);
    if (item.uploadId) await fetch(`/api/uploads/${item.uploadId}`, { method: "DELETE" }).catch(() => {});
  }, []);

  return { items, syncing, syncNow, add, retry, remove, stores, sync };
}
