"use client";

import { formatBytes } from "@/lib/format-bytes";
import type { QueueItem } from "@/lib/upload-queue/queue-item";
import { FolderBackup } from "./folder-backup";
import { StorageUse } from "./storage-use";
import { useUploadQueue } from "./use-upload-queue";

const ACCEPT = "image/*,video/*,application/pdf,.heic,.heif,.dng";
/** Rows per group: a first folder backup queues the whole camera roll, which a phone should not render at once. */
const ROWS_SHOWN = 200;

function status(item: QueueItem): string {
  if (item.state === "done") return item.result === "ingested" ? "uploaded" : "already on the box";
  if (item.state === "uploading") return item.uploadId ? `uploading ${Math.floor((100 * item.offset) / item.size)}%` : "uploading";
  if (item.state === "failed") return `failed: ${item.lastError ?? "unknown error"}`;
  if (item.attempts > 0) return `waiting to retry (${item.lastError ?? "error"})`;
  return "waiting";
}

function Row({ item, onRetry, onRemove }: { item: QueueItem; onRetry: () => void; onRemove: () => void }) {
  return (
    <li data-testid="queue-item" data-state={item.state} data-name={item.name} className="flex items-center gap-3 py-2 text-sm">
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{item.name}</span>
        <span className="block text-xs text-slate-500">
          {formatBytes(item.size)} · <span data-testid="item-status">{status(item)}</span>
        </span>
        {item.state === "uploading" && item.uploadId && <progress className="h-1 w-full" max={item.size} value={item.offset} />}
      </span>
      {item.state !== "done" && item.state !== "uploading" && (
        <button type="button" onClick={onRetry} className="rounded border px-2 py-1">
          Retry
        </button>
      )}
      <button type="button" onClick={onRemove} className="rounded border px-2 py-1">
        Remove
      </button>
    </li>
  );
}

/** The upload screen: folder backup, the queue by state, sync now, retry/remove, and a picker for many files. */
export function UploadScreen({ notice }: { notice: string | null }) {
  const { items, syncing, syncNow, add, retry, remove, stores, sync } = useUploadQueue();
  const groups: [string, QueueItem[]][] = [
    ["Uploading and waiting", items?.filter((i) => i.state === "pending" || i.state === "uploading") ?? []],
    ["Failed", items?.filter((i) => i.state === "failed") ?? []],
    ["Done", items?.filter((i) => i.state === "done").reverse() ?? []],
  ];
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">Upload</h1>
      {notice && <p role="status" className="whitespace-pre-line rounded bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100">{notice}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <label className="cursor-pointer rounded bg-sky-600 px-3 py-2 text-sm font-medium text-white">
          Choose photos and videos
          <input type="file" multiple accept={ACCEPT} className="sr-only" data-testid="file-picker" onChange={(e) => {
            void add(Array.from(e.target.files ?? []));
            e.target.value = "";
          }} />
        </label>
        <button type="button" onClick={() => void syncNow()} disabled={syncing} className="rounded border px-3 py-2 text-sm">
          {syncing ? "Syncing…" : "Sync now"}
        </button>
      </div>
      <FolderBackup stores={stores} items={items} drain={sync} />
      <p className="text-xs text-slate-500">
        Or choose photos here, or share them to Albums from your gallery app.
      </p>
      {items === null ? <p className="text-sm">Loading the queue…</p> : groups.map(([title, list]) => (
        <section key={title} aria-label={title}>
          <h2 className="font-medium">{title} ({list.length})</h2>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {list.slice(0, ROWS_SHOWN).map((item) => <Row key={item.id} item={item} onRetry={() => void retry(item.id)} onRemove={() => void remove(item)} />)}
          </ul>
          {list.length > ROWS_SHOWN && <p className="text-xs text-slate-500">and {list.length - ROWS_SHOWN} more</p>}
        </section>
      ))}
      <StorageUse refreshKey={items?.length ?? 0} />
    </main>
  );
}
