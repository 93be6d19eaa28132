"use client";

import { useHydrated } from "@/components/use-hydrated";
import type { FolderStore } from "@/lib/folder-backup/folder-store";
import type { FileRecord, FolderRecord } from "@/lib/folder-backup/folder-types";
import type { QueueItem } from "@/lib/upload-queue/queue-item";
import type { QueueStore } from "@/lib/upload-queue/queue-store";
import { FreeUpSpace } from "./free-up-space";
import { useFolderBackup } from "./use-folder-backup";

function FolderRow({ folder, files, items, onAllow, onForget }: { folder: FolderRecord; files: FileRecord[]; items: Map<string, QueueItem>; onAllow: () => void; onForget: () => void }) {
  const mine = files.filter((f) => f.folderId === folder.id && f.queueItemId);
  const done = mine.filter((f) => items.get(f.queueItemId!)?.state === "done").length;
  const needsPermission = folder.permission !== "granted";
  return (
    <li data-testid="backup-folder" data-name={folder.name} data-permission={folder.permission} className="space-y-1 py-2 text-sm">
      <div className="flex items-center gap-3">
        <span className="min-w-0 flex-1 truncate font-medium">{folder.name}</span>
        <button type="button" onClick={onForget} className="rounded border px-2 py-1">Stop backing up</button>
      </div>
      <p className="text-xs text-slate-500" data-testid="folder-counts" data-last-scan={folder.lastScanAt ?? 0} data-seen={folder.seen} data-queued={folder.queued} data-done={done} data-skipped={folder.skipped}>
        {folder.lastScanAt ? `Last scan ${new Date(folder.lastScanAt).toLocaleString()}` : "Not scanned yet"} · {folder.seen} files seen · {folder.queued} queued · {done} uploaded · {folder.skipped} already on the box
      </p>
      {folder.lastError && <p className="text-xs text-red-700 dark:text-red-300">{folder.lastError}</p>}
      {needsPermission && (
        <div role="alert" className="rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p>The browser asks again for access to {folder.name} after a restart or an update. Until you allow it, new photos in this folder are not backed up.</p>
          <button type="button" onClick={onAllow} className="mt-1 rounded bg-amber-600 px-3 py-1 font-medium text-white">Allow access to {folder.name}</button>
        </div>
      )}
    </li>
  );
}

/** "Back up a folder": the picked camera folders, their state, and Free up space. */
export function FolderBackup({ stores, items, drain }: { stores: { store: QueueStore; folders: FolderStore } | null; items: QueueItem[] | null; drain: () => Promise<void> }) {
  const hydrated = useHydrated();
  const backup = useFolderBackup(stores, drain);
  if (!hydrated) return null;
  if (!("showDirectoryPicker" in window)) {
    return (
      <p data-testid="folder-backup-unsupported" className="rounded bg-slate-100 p-3 text-sm dark:bg-slate-900">
        This browser cannot back up a folder by itself (it needs Chrome 132 or newer on Android, or Chrome or Edge on a computer). Share photos to Albums from your gallery, or choose them below.
      </p>
    );
  }
  const byId = new Map((items ?? []).map((i) => [i.id, i]));
  return (
    <section aria-label="Folder backup" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="font-medium">Folder backup</h2>
        <button type="button" onClick={() => void backup.addFolder()} className="rounded bg-sky-600 px-3 py-2 text-sm font-medium text-white">Back up a folder</button>
        {backup.folders && backup.folders.length > 0 && <button type="button" onClick={() => void backup.scan()} disabled={backup.progress !== null} className="rounded border px-3 py-2 text-sm">Scan now</button>}
      </div>
      <p className="text-xs text-slate-500">Pick DCIM/Camera, Screenshots or any other folder once: new photos and videos go to the box whenever Albums opens, and while it is closed when the browser wakes it.</p>
      {backup.progress && <p role="status" className="text-xs">{backup.progress}</p>}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {backup.folders?.map((folder) => <FolderRow key={folder.id} folder={folder} files={backup.files} items={byId} onAllow={() => void backup.allow(folder)} onForget={() => void backup.forget(folder)} />)}
      </ul>
      {stores && backup.folders && backup.folders.length > 0 && <FreeUpSpace folders={stores.folders} onChanged={backup.refresh} />}
    </section>
  );
}
