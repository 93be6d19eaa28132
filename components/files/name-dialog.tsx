"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "../states";

/** A modal asking for a name (new folder, rename); the server's refusal (a clash, an unusable name) is shown in it. */
export function NameDialog({ title, label, initial, action, onSubmit, onClose }: { title: string; label: string; initial: string; action: string; onSubmit: (name: string) => Promise<void>; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-labelledby="name-dialog-title" onClose={onClose} className="m-auto w-[min(26rem,92vw)] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100">
      <h2 id="name-dialog-title" className="text-lg font-semibold">{title}</h2>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name.trim()).then(onClose, (error: Error) => setProblem(error.message));
        }}
      >
        <label htmlFor="name-dialog-input" className="block text-sm font-medium">{label}</label>
        <input id="name-dialog-input" value={name} onChange={(e) => setName(e.target.value)} className={`${inputClass} w-full`} required autoFocus />
        {problem ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{problem}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={buttonClass} onClick={onClose}>Cancel</button>
          <button type="submit" className={primaryButtonClass}>{action}</button>
        </div>
      </form>
    </dialog>
  );
}
