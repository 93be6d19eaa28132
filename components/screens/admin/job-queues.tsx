"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../../api";
import { formatEta } from "../../format";
import { buttonClass, ErrorState } from "../../states";
import type { JobFailure, JobKindProgress } from "../../types";
import { Panel } from "./panel";
import { Technical } from "./plain-text";

/** Job queues by kind: progress bars, rate, ETA, failures with retry, and re-run (reindex) per kind. */
export function JobQueues() {
  const client = useQueryClient();
  const { data, error } = useQuery({ queryKey: ["admin-jobs"], queryFn: () => getJson<{ kinds: JobKindProgress[]; failures: JobFailure[] }>("/api/admin/jobs"), refetchInterval: 3000 });
  const [status, setStatus] = useState("");
  const act = async (url: string, body: unknown, message: (n: number) => string) => {
    const result = await sendJson<Record<string, number>>("POST", url, body);
    setStatus(message(Object.values(result)[0] ?? 0));
    await client.invalidateQueries({ queryKey: ["admin-jobs"] });
  };
  return (
    <Panel title="Job queues" id="jobs">
      {error ? <ErrorState error={error} /> : null}
      <p role="status" className="min-h-5 text-sm text-slate-600 dark:text-slate-300">{status}</p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Job queues table">
        <table className="w-full min-w-[40rem] text-left text-sm" data-testid="job-table">
          <thead className="text-xs uppercase text-slate-600 dark:text-slate-300">
            <tr>
              <th className="py-1 pr-2">Job</th>
              <th className="w-1/3 py-1 pr-2">Progress</th>
              <th className="py-1 pr-2">Waiting</th>
              <th className="py-1 pr-2">Failed</th>
              <th className="py-1 pr-2">Rate · ETA</th>
              <th className="py-1"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {(data?.kinds ?? []).map((k) => {
              const total = k.done + k.pending + k.running + k.failed;
              return (
                <tr key={k.kind} className="border-t border-slate-200 dark:border-slate-700">
                  <th scope="row" className="py-1.5 pr-2 font-medium">{k.kind}</th>
                  <td className="py-1.5 pr-2">
                    <progress aria-label={`${k.kind}: ${k.done} of ${total} done`} className="h-2 w-full accent-sky-700" max={total || 1} value={total ? k.done : 0} />
                    <span className="text-xs text-slate-600 dark:text-slate-300">{k.done} / {total} done{k.running ? ` · ${k.running} running` : ""}{k.current ? ` · current ${Math.round(k.current.fraction * 100)} %, ${formatEta(k.current.etaSeconds)} left` : ""}</span>
                  </td>
                  <td className="py-1.5 pr-2">
                    {k.pending}
                    {k.waitingFor && k.pending ? <WaitingFor text={k.waitingFor} /> : null}
                  </td>
                  <td className={`py-1.5 pr-2 ${k.failed ? "font-semibold text-red-700 dark:text-red-300" : ""}`}>{k.failed}</td>
                  <td className="py-1.5 pr-2">{k.perMinute ? `${k.perMinute.toFixed(1)}/min` : "—"}{k.etaSeconds !== null ? ` · ${formatEta(k.etaSeconds)}` : ""}</td>
                  <td className="space-x-1 whitespace-nowrap py-1.5 text-right">
                    {k.failed ? <button type="button" className={buttonClass} onClick={() => void act("/api/admin/jobs/retry", { kind: k.kind }, (n) => `Retrying ${n} ${k.kind} jobs.`)}>Retry failed</button> : null}
                    {k.kind !== "takeout-import" ? (
                      <button type="button" className={buttonClass} onClick={() => confirm(`Run ${k.kind} again over the whole library?`) && void act("/api/admin/jobs/rerun", { kind: k.kind }, (n) => `Queued ${n} ${k.kind} jobs.`)}>Re-run all</button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data?.failures.length ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium">Recent failures ({data.failures.length})</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {data.failures.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{f.kind}</span>
                <span className="min-w-0 flex-1 break-words text-slate-600 dark:text-slate-300">{f.lastError ?? "failed"} (after {f.attempts} attempts)</span>
                <button type="button" className={buttonClass} onClick={() => void act("/api/admin/jobs/retry", { ids: [f.id] }, () => `Retrying job ${f.id}.`)}>Retry</button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Panel>
  );
}

/** Why a kind waits, plainly; the command or setting that ends the wait folded away. */
function WaitingFor({ text }: { text: string }) {
  const [what, how] = text.split(" — ");
  return (
    <div className="text-xs text-amber-800 dark:text-amber-200">
      waiting for a {what}
      {how ? <Technical summary="How to install it">{how}</Technical> : null}
    </div>
  );
}
