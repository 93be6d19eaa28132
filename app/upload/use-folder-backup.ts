"use client";

import { useCallback, useEffect, useState } from "react";
import { FOLDER_CHANNEL, FOLDER_SCAN_TAG, type FolderStore } from "@/lib/folder-backup/folder-store";
import type { DirectoryEntry, FileRecord, FolderRecord } from "@/lib/folder-backup/folder-types";
import { scanFolders } from "@/lib/folder-backup/scan-folders";
import type { QueueStore } from "@/lib/upload-queue/queue-store";
import { requestBackgroundSync } from "./use-upload-queue";

type Picker = (options: { id?: string; mode?: "read" | "readwrite" }) => Promise<DirectoryEntry & { isSameEntry(other: unknown): Promise<boolean> }>;
const HALF_DAY_MS = 12 * 3_600_000;

/** Asks for a twice-a-day scan while the app is closed, where the browser grants the installed app Periodic Background Sync. */
async function registerPeriodicScan(): Promise<void> {
  const registration = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & { periodicSync?: { register(tag: string, o: { minInterval: number }): Promise<void> } }) | undefined;
  if (!registration?.periodicSync) return;
  const status = await navigator.permissions.query({ name: "periodic-background-sync" as PermissionName }).catch(() => null);
  if (status?.state === "granted") await registration.periodicSync.register(FOLDER_SCAN_TAG, { minInterval: HALF_DAY_MS }).catch(() => {});
}

/**
 * The folders picked for backup, as the upload screen drives them: scanned when the page opens and
 * whenever it returns to the foreground (the service worker scans on its own wake-ups), with
 * one-tap permission re-requests. `supported` is false where the File System Access API is missing.
 */
export function useFolderBackup(stores: { store: QueueStore; folders: FolderStore } | null, drain: () => Promise<void>) {
  const [folders, setFolders] = useState<FolderRecord[] | null>(null);
  const [files, setFiles] = useState<FileRecord[]>([]);
  const [progress, setProgress] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!stores) return;
    setFolders(await stores.folders.listFolders());
    setFiles(await stores.folders.listFiles());
  }, [stores]);

  const scan = useCallback(async () => {
    if (!stores) return;
    setProgress("Looking for new photos…");
    try {
      await scanFolders({
        folders: stores.folders, queue: stores.store, origin: window.location.origin, fetch: (input, init) => fetch(input, init),
        onProgress: ({ hashed, candidates }) => setProgress(`Checking new files: ${hashed} of ${candidates}`),
      });
    } finally {
      setProgress(null);
      await refresh();
    }
    await drain();
  }, [stores, refresh, drain]);

  useEffect(() => {
    if (!stores) return;
    const channel = new BroadcastChannel(FOLDER_CHANNEL);
    channel.onmessage = () => void refresh();
    const visible = () => {
      if (document.visibilityState === "visible") void scan();
    };
    document.addEventListener("visibilitychange", visible);
    const first = setTimeout(() => void scan(), 0);
    return () => {
      clearTimeout(first);
      channel.close();
      document.removeEventListener("visibilitychange", visible);
    };
  }, [stores, scan, refresh]);

  const addFolder = useCallback(async () => {
    const picker = (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker;
    if (!stores || !picker) return;
    let handle: Awaited<ReturnType<Picker>>;
    try {
      handle = await picker({ id: "albums-folder-backup", mode: "read" });
    } catch {
      return; // the owner closed the picker
    }
    for (const folder of await stores.folders.listFolders()) if (await handle.isSameEntry(folder.handle)) return void scan();
    await stores.folders.putFolder({ id: crypto.randomUUID(), name: handle.name, handle, addedAt: Date.now(), lastScanAt: null, seen: 0, queued: 0, skipped: 0, permission: "granted", lastError: null });
    await requestBackgroundSync();
    await registerPeriodicScan();
    await scan();
  }, [stores, scan]);

  /** The one tap: the browser's own prompt, then a scan if granted. */
  const allow = useCallback(async (folder: FolderRecord) => {
    if (!stores) return;
    const permission = (await folder.handle.requestPermission?.({ mode: "read" }).catch(() => "denied" as const)) ?? "granted";
    await stores.folders.putFolder({ ...((await stores.folders.getFolder(folder.id)) ?? folder), permission });
    if (permission === "granted") await scan();
    else await refresh();
  }, [stores, scan, refresh]);

  const forget = useCallback(async (folder: FolderRecord) => {
    await stores?.folders.removeFolder(folder.id);
    await refresh();
  }, [stores, refresh]);

  return { folders, files, progress, scan, addFolder, allow, forget, refresh };
}
