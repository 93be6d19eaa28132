"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

/** What a toast announces, and for a change that can be taken back, how (resolving to what to say then). */
export type Status = string | { message: string; undo: () => Promise<string> };

/**
 * A short-lived announcement at the bottom (also read out by screen readers), with an Undo button
 * when the change can be taken back. The timer (4 s, 8 s with Undo) runs from when the message
 * appears: a re-render of the parent (a scroll) does not restart it.
 */
export function StatusToast({ status, onDone }: { status: Status; onDone: () => void }) {
  const client = useQueryClient();
  const [shown, setShown] = useState<Status>(status);
  const [previous, setPrevious] = useState<Status>(status);
  if (status !== previous) {
    setPrevious(status);
    setShown(status);
  }
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);
  const message = typeof shown === "string" ? shown : shown.message;
  const undo = typeof shown === "string" ? null : shown.undo;
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => done.current(), undo ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [message, undo]);
  const takeBack = async (run: () => Promise<string>) => {
    try {
      setShown(await run());
      await client.invalidateQueries();
    } catch (error) {
      setShown(`Undo failed: ${(error as Error).message}`);
    }
  };
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-20 z-[60] flex justify-center md:bottom-6">
      {message ? (
        <span className="pointer-events-auto flex items-center gap-3 rounded-full bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">
          {message}
          {undo ? (
            <button type="button" onClick={() => void takeBack(undo)} className="font-semibold text-sky-300 underline dark:text-sky-700">
              Undo
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
