"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { getJson, sendJson } from "../api";
import { formatBytes, formatDateTime } from "../format";
import { buttonClass } from "../states";
import type { FileVersionItem } from "@/lib/files/list-versions";

type VersionDto = Omit<FileVersionItem, "replacedAt"> & { replacedAt: string };

/** A file's previous contents (newest first), each downloadable and restorable (a restore keeps the current content as a version). */
export function VersionsDialog({ entryId, name, onRestored, onClose }: { entryId: string; name: string; onRestored: (message: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useQuery({ queryKey: ["file-versions", entryId], queryFn: () => getJson<{ versions: VersionDto[] }>(`/api/files/entries/${entryId}/versions`) });
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-labelledby="versions-title" onClose={onClose} className="m-auto w-[min(30rem,92vw)] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="versions-title" className="text-lg font-semibold">Previous versions of {name}</h2>
      <ul className="mt-3 max-h-72 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700" aria-label="Previous versions">
        {(data?.versions ?? []).map((v) => (
          <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span>Replaced {formatDateTime(v.replacedAt, null, "medium")} · {formatBytes(v.size)}</span>
            <span className="flex gap-2">
              <a className={buttonClass} href={`/api/assets/${v.assetId}/original?download=1`}>Download</a>
              <button
                type="button"
                className={buttonClass}
                onClick={() => sendJson("POST", `/api/files/entries/${entryId}/versions/${v.id}/restore`).then(() => { onRestored(`Restored the version of ${formatDateTime(v.replacedAt, null, "medium")}.`); onClose(); }, (error: Error) => setProblem(error.message))}
              >
                Restore
              </button>
            </span>
          </li>
        ))}
        {data && data.versions.length === 0 ? <li className="py-2 text-sm text-slate-600 dark:text-slate-300">No previous versions.</li> : null}
      </ul>
      {problem ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{problem}</p> : null}
      <div className="mt-4 flex justify-end"><button type="button" className={buttonClass} onClick={onClose}>Close</button></div>
    </dialog>
  );
}
