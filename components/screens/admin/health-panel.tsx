"use client";
import { ErrorState } from "../../states";
import { useProblems } from "../../shell/use-problems";
import { Panel } from "./panel";
import { PlainText } from "./plain-text";

/** Settings → Health: every problem with what it means and what to do, and the files concerned. */
export function HealthPanel() {
  const { data, error } = useProblems();
  if (error) return <ErrorState error={error} />;
  return (
    <Panel title="Health" id="health">
      {!data ? (
        <div className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      ) : data.problems.length === 0 ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-200" data-testid="health-ok">
          All is well: every original is readable, backups are current and off this disk, the worker is running. Checked {new Date(data.checkedAt).toLocaleTimeString()}.
        </p>
      ) : (
        <ul className="space-y-4" data-testid="health-problems">
          {data.problems.map((p, i) => (
            <li key={`${p.code}-${i}`} data-code={p.code} className={`border-l-4 pl-3 ${p.severity === "error" ? "border-red-600" : "border-amber-500"}`}>
              <p className="font-semibold">{p.title}</p>
              <div className="text-sm text-slate-700 dark:text-slate-200"><PlainText text={p.detail} /></div>
              <div className="text-sm">
                <span className="font-medium">What to do: </span>
                <PlainText text={p.action} />
              </div>
              {p.items.length > 0 ? (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-sky-800 dark:text-sky-300">
                    {p.count > p.items.length ? `The first ${p.items.length} of ${p.count}` : `The ${p.items.length === 1 ? "file" : `${p.items.length} files`}`}
                  </summary>
                  <ul className="mt-1 max-h-60 list-disc overflow-y-auto pl-5">
                    {p.items.map((item) => (
                      <li key={item.id ?? item.name} className="break-all">
                        {item.name}
                        {item.note ? <span className="text-slate-600 dark:text-slate-300"> — {item.note}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
