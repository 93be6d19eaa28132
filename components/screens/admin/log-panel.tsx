"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../../api";
import { ErrorState } from "../../states";
import { Panel } from "./panel";

type Entry = { time: string; level: string; process: string; scope?: string; message: string };

/** Settings → Log: the last warnings and errors from <data dir>/logs/ (the full log: journalctl -u albums). */
export function LogPanel() {
  const { data, error } = useQuery({ queryKey: ["logs"], queryFn: () => getJson<{ entries: Entry[] }>("/api/admin/logs") });
  if (error) return <ErrorState error={error} />;
  const entries = data?.entries ?? [];
  return (
    <Panel title="Log: last warnings and errors" id="log">
      {entries.length === 0 ? (
        <p className="text-sm">{data ? "No warnings or errors in the kept log files." : "Loading…"}</p>
      ) : (
        <ul className="max-h-80 space-y-1 overflow-y-auto text-sm" data-testid="log-entries">
          {entries.map((e, i) => (
            <li key={`${e.time}-${i}`} className="break-words">
              <span className={e.level === "error" ? "font-semibold text-red-800 dark:text-red-200" : "font-semibold text-amber-900 dark:text-amber-200"}>{e.level}</span>{" "}
              <time dateTime={e.time} className="text-slate-600 dark:text-slate-300">{new Date(e.time).toLocaleString()}</time>{" "}
              <span className="text-slate-600 dark:text-slate-300">{e.process}{e.scope ? `/${e.scope}` : ""}</span> {e.message}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
