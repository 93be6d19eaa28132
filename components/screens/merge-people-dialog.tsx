"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass, primaryButtonClass } from "../states";
import type { PersonSummary } from "../types";
import { FaceCrop } from "./face-crop";

const nameOf = (p: PersonSummary) => p.name ?? `Unnamed (${p.photos} photos)`;

/** Asks once, showing both faces, whether two people are the same; `onDone(true)` when confirmed. */
export function MergePeopleDialog({ from, into, onDone }: { from: PersonSummary; into: PersonSummary; onDone: (confirmed: boolean) => Promise<void> | void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-labelledby="merge-title" onClose={() => void (busy ? undefined : onDone(false))} data-testid="merge-dialog" className="m-auto w-[min(28rem,92vw)] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="merge-title" className="text-lg font-semibold">Same person?</h2>
      <div className="my-4 flex items-center justify-center gap-4">
        {[from, into].map((p) => (
          <figure key={p.id} className="flex w-32 flex-col items-center gap-2 text-center text-sm">
            {p.cover ? <FaceCrop cover={p.cover} /> : <span className="h-24 w-24 rounded-full bg-slate-200 dark:bg-slate-800" />}
            <figcaption className="break-words">{nameOf(p)}</figcaption>
          </figure>
        ))}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        The {from.photos} photos of the person on the left join the person on the right. You can undo this right after.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>Cancel</button>
        <button
          type="button"
          disabled={busy}
          className={primaryButtonClass}
          onClick={async () => {
            setBusy(true);
            await onDone(true);
          }}
        >
          Merge
        </button>
      </div>
    </dialog>
  );
}
