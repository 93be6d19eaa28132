"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { getJson } from "../api";
import { Icon } from "../icons";
import { buttonClass, primaryButtonClass } from "../states";
import type { FolderView } from "@/lib/file-browser/folder-view";

/**
 * A modal to pick a destination folder by browsing the tree from `start` (the folder on screen);
 * the moved folder itself cannot be entered.
 */
export function FolderPicker({ title, start, exclude, onPick, onClose }: { title: string; start: string | null; exclude?: string; onPick: (folderId: string | null) => Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [at, setAt] = useState<string | null>(start);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useQuery({ queryKey: ["files", at ?? "root"], queryFn: () => getJson<FolderView>(`/api/files/folders/${at ?? "root"}`) });
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-labelledby="folder-picker-title" onClose={onClose} className="m-auto w-[min(28rem,92vw)] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="folder-picker-title" className="text-lg font-semibold">{title}</h2>
      <nav aria-label="Destination path" className="mt-2 flex flex-wrap items-center gap-1 text-sm">
        {(data?.path ?? []).map((p, i, all) => (
          <span key={p.id ?? "root"} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true">/</span> : null}
            {i === all.length - 1 ? <span className="font-semibold">{p.name}</span> : <button type="button" className="text-sky-700 underline dark:text-sky-300" onClick={() => setAt(p.id)}>{p.name}</button>}
          </span>
        ))}
      </nav>
      <ul className="mt-3 max-h-64 overflow-y-auto" aria-label="Folders here">
        {(data?.folders ?? []).filter((f) => f.id !== exclude).map((f) => (
          <li key={f.id}>
            <button type="button" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setAt(f.id)}>
              <Icon name="folder" className="h-5 w-5 text-sky-700 dark:text-sky-300" />
              {f.name}
            </button>
          </li>
        ))}
        {data && data.folders.filter((f) => f.id !== exclude).length === 0 ? <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">No folders in here.</li> : null}
      </ul>
      {problem ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{problem}</p> : null}
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={onClose}>Cancel</button>
        <button type="button" className={primaryButtonClass} onClick={() => onPick(at).then(onClose, (error: Error) => setProblem(error.message))}>Move here</button>
      </div>
    </dialog>
  );
}
