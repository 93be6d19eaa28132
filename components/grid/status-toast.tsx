"use client";
import { useEffect, useRef } from "react";

/**
 * A short-lived announcement at the bottom (also read out by screen readers). The 4 s timer runs
 * from when the message appears: a re-render of the parent (a scroll) does not restart it.
 */
export function StatusToast({ message, onDone }: { message: string; onDone: () => void }) {
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => done.current(), 4000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-20 z-[60] flex justify-center md:bottom-6">
      {message ? <span className="rounded-full bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">{message}</span> : null}
    </div>
  );
}
