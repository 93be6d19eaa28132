"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../api";
import { formatBytes, formatDateTime } from "../format";
import { StatusToast, type Status } from "../grid/status-toast";
import { EmptyState, ErrorState, GridSkeleton, ScreenHeader } from "../states";
import type { DuplicateCopy, DuplicateGroupView, ResolveUndo } from "../types";

/**
 * Near-duplicate groups side by side with what tells the copies apart; the best copy is
 * preselected to keep. "Keep this, trash the rest" moves the others to the trash (their albums,
 * favourite and description go to the kept one) with Undo in the toast; "Not duplicates" is remembered.
 */
export function DuplicatesScreen() {
  const client = useQueryClient();
  const { data, error, refetch } = useQuery({ queryKey: ["duplicates"], queryFn: () => getJson<{ groups: DuplicateGroupView[]; total: number }>("/api/duplicates") });
  const [toast, setToast] = useState<Status>("");
  const settle = async (next: Status) => {
    setToast(next);
    await client.invalidateQueries({ queryKey: ["duplicates"] });
    await client.invalidateQueries({ queryKey: ["assets"] });
  };
  const fail = (e: unknown) => setToast(e instanceof Error ? e.message : "That did not work.");
  const resolve = (keepId: string, trashIds: string[]) =>
    sendJson<{ trashed: number; undo: ResolveUndo }>("POST", "/api/duplicates/resolve", { keepId, trashIds })
      .then((r) => settle({ message: `Moved ${r.trashed} ${r.trashed === 1 ? "copy" : "copies"} to the trash.`, undo: () => undo(r.undo) }))
      .catch(fail);
  const dismiss = (ids: string[]) => sendJson("POST", "/api/duplicates/dismiss", { ids }).then(() => settle("Marked as not duplicates.")).catch(fail);
  const undo = (u: ResolveUndo) => sendJson("POST", "/api/duplicates/undo", u).then(() => "Restored.");

  return (
    <>
      <ScreenHeader title="Duplicates">{data ? <span className="text-sm text-slate-600 dark:text-slate-300">{data.total} {data.total === 1 ? "group" : "groups"}</span> : null}</ScreenHeader>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <GridSkeleton count={6} />
      ) : data.groups.length === 0 ? (
        <EmptyState icon="similar" title="No duplicates">Copies of the same picture (re-saved, resized, edited or turned) show up here once the worker has made their thumbnails.</EmptyState>
      ) : (
        <ol className="flex flex-col gap-6 px-4 pb-24" aria-label="Duplicate groups">
          {data.groups.map((group, i) => (
            <DuplicateGroup key={group.copies.map((c) => c.id).join()} group={group} index={i + 1} onResolve={resolve} onDismiss={dismiss} />
          ))}
        </ol>
      )}
      <StatusToast status={toast} onDone={() => setToast("")} />
    </>
  );
}

function DuplicateGroup({ group, index, onResolve, onDismiss }: { group: DuplicateGroupView; index: number; onResolve: (keepId: string, trashIds: string[]) => Promise<void>; onDismiss: (ids: string[]) => Promise<void> }) {
  const [keep, setKeep] = useState(group.keepId);
  const [busy, setBusy] = useState(false);
  const others = group.copies.filter((c) => c.id !== keep).map((c) => c.id);
  const act = (work: Promise<void>) => {
    setBusy(true);
    void work.finally(() => setBusy(false));
  };
  return (
    <li aria-labelledby={`dup-${index}`} className="min-w-0 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <h2 id={`dup-${index}`} className="mb-2 text-sm font-medium">
        Group {index} · {group.copies.length} copies
      </h2>
      <fieldset>
        <legend className="sr-only">Copy to keep</legend>
        <ul className="flex snap-x gap-3 overflow-x-auto pb-2 [contain:inline-size]">
          {group.copies.map((copy) => (
            <CopyCard key={copy.id} copy={copy} name={`keep-${index}`} checked={copy.id === keep} best={copy.id === group.keepId} onChoose={() => setKeep(copy.id)} />
          ))}
        </ul>
      </fieldset>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" disabled={busy} onClick={() => act(onResolve(keep, others))} className="rounded-full bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
          Keep selected, trash {others.length} {others.length === 1 ? "other" : "others"}
        </button>
        <button type="button" disabled={busy} onClick={() => act(onDismiss(group.copies.map((c) => c.id)))} className="rounded-full border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Not duplicates
        </button>
      </div>
    </li>
  );
}

function CopyCard({ copy, name, checked, best, onChoose }: { copy: DuplicateCopy; name: string; checked: boolean; best: boolean; onChoose: () => void }) {
  const facts = [
    copy.width && copy.height ? `${copy.width} × ${copy.height}` : "size unknown",
    `${formatBytes(copy.size)} · ${copy.format}`,
    formatDateTime(copy.capturedAt, null, "medium"),
  ];
  const badges = [best ? "best" : null, copy.favorite ? "favourite" : null, copy.hasGps ? "GPS" : null, copy.editedFromId ? "edited copy" : null, copy.description ? "described" : null].filter((b): b is string => b !== null);
  return (
    <li className="w-40 shrink-0 snap-start sm:w-52">
      <label className={`flex cursor-pointer flex-col gap-1 rounded-lg border-2 p-1 text-xs ${checked ? "border-sky-600" : "border-transparent"}`}>
        <span className="relative block aspect-square overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
          {/* eslint-disable-next-line @next/next/no-img-element -- the thumbnail route already serves a small WebP */}
          {copy.hasThumbnail ? <img src={`/api/assets/${copy.id}/thumbnail?size=sm`} alt={copy.name} className="h-full w-full object-contain" loading="lazy" /> : null}
        </span>
        <span className="flex items-center gap-1 font-medium">
          <input type="radio" name={name} checked={checked} onChange={onChoose} /> {checked ? "Keep" : "Trash"}
        </span>
        <span className="truncate" title={copy.name}>
          {copy.name}
        </span>
        {facts.map((f) => (
          <span key={f} className="text-slate-600 dark:text-slate-300">
            {f}
          </span>
        ))}
        <span className="text-slate-600 dark:text-slate-300">{copy.albums.length > 0 ? `In ${copy.albums.map((a) => a.title).join(", ")}` : "In no album"}</span>
        {badges.length > 0 ? <span className="flex flex-wrap gap-1">{badges.map((b) => <span key={b} className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">{b}</span>)}</span> : null}
      </label>
    </li>
  );
}
