import type { ReactNode } from "react";

/** A titled card of the settings screen. */
export function Panel({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="min-w-0 break-words rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <h2 id={id} className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
