"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { getJson, sendJson } from "../api";
import { inputClass, primaryButtonClass } from "../states";
import type { AlbumSummary } from "../types";

/** A dialog to put assets into an existing album or a new one. */
export function AlbumPicker({ assetIds, onDone }: { assetIds: string[]; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const { data } = useQuery({ queryKey: ["albums"], queryFn: () => getJson<{ albums: AlbumSummary[] }>("/api/albums") });
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const finish = async (work: () => Promise<string>) => {
    try {
      const message = await work();
      await client.invalidateQueries();
      onDone(message);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const count = `${assetIds.length} ${assetIds.length === 1 ? "item" : "items"}`;
  return (
    <dialog ref={dialog} aria-labelledby="album-picker-title" onClose={() => onDone("")} className="m-auto w-[min(28rem,92vw)] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="album-picker-title" className="text-lg font-semibold">Add {count} to an album</h2>
      <form
        className="mt-3 flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void finish(async () => {
            await sendJson("POST", "/api/albums", { title, assetIds });
            return `Added ${count} to the new album “${title}”.`;
          });
        }}
      >
        <label htmlFor="new-album-title" className="sr-only">New album title</label>
        <input id="new-album-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="New album title" className={`${inputClass} flex-1`} required />
        <button type="submit" className={primaryButtonClass}>Create</button>
      </form>
      <ul className="mt-4 max-h-72 overflow-y-auto" aria-label="Existing albums">
        {(data?.albums ?? []).map((album) => (
          <li key={album.id}>
            <button
              type="button"
              className="w-full rounded-md px-3 py-2 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() =>
                void finish(async () => {
                  const { added } = await sendJson<{ added: number }>("POST", `/api/albums/${album.id}/assets`, { assetIds });
                  return `Added ${added} to “${album.title}”.`;
                })
              }
            >
              {album.title} <span className="text-sm text-slate-600 dark:text-slate-300">· {album.count}</span>
            </button>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{problem}</p> : null}
      <div className="mt-4 text-right">
        <button type="button" onClick={() => dialog.current?.close()} className="rounded-full px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">Cancel</button>
      </div>
    </dialog>
  );
}
