"use client";

import { useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import type { FolderStore } from "@/lib/folder-backup/folder-store";
import { freeUpSpace, type FreeUpResult } from "@/lib/folder-backup/free-up-space";
import { listFreeable, type Freeable } from "@/lib/folder-backup/list-freeable";

/** "Free up space": the picked folders' files the box keeps (and a verified backup holds), deleted from the phone in one confirmed action. */
export function FreeUpSpace({ folders, onChanged }: { folders: FolderStore; onChanged: () => Promise<void> }) {
  const [list, setList] = useState<Freeable | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<FreeUpResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deps = { folders, origin: window.location.origin, fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) };

  const load = async () => {
    setError(null);
    setConfirming(false);
    try {
      setList(await listFreeable(deps));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const remove = async () => {
    if (!list) return;
    setConfirming(false);
    // Write access is asked for once per folder, inside the owner's tap.
    for (const folder of await folders.listFolders()) if (list.files.some((f) => f.folderId === folder.id)) await folder.handle.requestPermission?.({ mode: "readwrite" }).catch(() => "denied");
    setResult(await freeUpSpace(list.files, deps));
    await onChanged();
    setList(await listFreeable(deps).catch(() => null));
  };

  return (
    <section aria-label="Free up space" className="space-y-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <button type="button" onClick={() => void load()} className="rounded border px-3 py-2">Free up space</button>
      {error && <p role="alert">{error}</p>}
      {list && (
        <div className="space-y-2" data-testid="freeable" data-mode={list.mode}>
          {list.warning && <p role="alert" className="rounded bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{list.warning}</p>}
          <p>{list.files.length} files ({formatBytes(list.bytes)}) are safe on the box{list.mode === "verified-backup" ? " and in a verified backup off the box" : ""}.{list.waiting > 0 && ` ${list.waiting} more wait for the next verified backup.`}</p>
          <ul className="max-h-64 overflow-y-auto text-xs">
            {list.files.map((f) => <li key={f.key} data-testid="freeable-item" data-path={f.path}>{f.path} · {formatBytes(f.size)}</li>)}
          </ul>
          {list.files.length > 0 && !confirming && <button type="button" onClick={() => setConfirming(true)} className="rounded bg-red-600 px-3 py-2 font-medium text-white">Delete {list.files.length} files from this phone</button>}
          {confirming && (
            <div role="alertdialog" aria-label="Confirm deletion" className="space-y-2 rounded bg-red-50 p-2 dark:bg-red-950">
              <p>Delete {list.files.length} files ({formatBytes(list.bytes)}) from this phone? They stay on the box. Each file is checked against the box once more just before it is deleted.</p>
              <button type="button" onClick={() => void remove()} className="rounded bg-red-600 px-3 py-1 font-medium text-white">Delete from phone</button>{" "}
              <button type="button" onClick={() => setConfirming(false)} className="rounded border px-3 py-1">Cancel</button>
            </div>
          )}
        </div>
      )}
      {result && (
        <div role="status" data-testid="free-result" data-removed={result.removed.length} data-refused={result.refused.length}>
          <p>Deleted {result.removed.length} files from this phone ({formatBytes(result.removed.reduce((s, f) => s + f.size, 0))}).</p>
          {result.refused.length > 0 && <ul className="text-xs">{result.refused.map(({ file, reason }) => <li key={file.key} data-testid="refused-item" data-path={file.path}>Kept {file.path}: {reason}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
