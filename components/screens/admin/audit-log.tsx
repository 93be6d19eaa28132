"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, qs } from "../../api";
import { formatBytes } from "../../format";
import { buttonClass, ErrorState, inputClass } from "../../states";
import type { IngestAuditRow } from "../../types";
import { INGEST_SOURCES } from "@/lib/audit/record-ingest-attempt";
import { Panel } from "./panel";

/** Every ingest attempt (accepted, duplicate or refused, and why), filterable. */
export function AuditLog() {
  const [outcome, setOutcome] = useState("");
  const [source, setSource] = useState("");
  const [q, setQ] = useState("");
  const log = useInfiniteQuery({
    queryKey: ["audit", outcome, source, q],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => getJson<{ items: IngestAuditRow[]; nextCursor: number | null }>(`/api/admin/audit${qs({ outcome, source, q, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Panel title="Ingest audit log" id="audit">
      <div className="mb-2 flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="audit-outcome">Outcome</label>
        <select id="audit-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} className={inputClass}>
          <option value="">All outcomes</option>
          <option value="ingested">Ingested</option>
          <option value="duplicate">Duplicate</option>
          <option value="rejected">Refused</option>
        </select>
        <label className="sr-only" htmlFor="audit-source">Source</label>
        <select id="audit-source" value={source} onChange={(e) => setSource(e.target.value)} className={inputClass}>
          <option value="">All sources</option>
          {INGEST_SOURCES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <label className="sr-only" htmlFor="audit-q">File name</label>
        <input id="audit-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="File name" className={inputClass} />
      </div>
      {log.error ? <ErrorState error={log.error} /> : null}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit log table">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead className="text-xs uppercase text-slate-600 dark:text-slate-300">
            <tr><th className="py-1 pr-2">When</th><th className="py-1 pr-2">File</th><th className="py-1 pr-2">Outcome</th><th className="py-1 pr-2">Source</th><th className="py-1">Size</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="whitespace-nowrap py-1 pr-2">{new Date(r.at).toLocaleString()}</td>
                <td className="max-w-[16rem] truncate py-1 pr-2" title={r.originalName}>{r.originalName}</td>
                <td className={`py-1 pr-2 ${r.outcome === "rejected" ? "text-red-700 dark:text-red-300" : ""}`}>{r.outcome}{r.errorCode ? ` (${r.errorCode}: ${r.message ?? ""})` : ""}</td>
                <td className="py-1 pr-2">{r.source}</td>
                <td className="whitespace-nowrap py-1">{r.size !== null ? formatBytes(r.size) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && log.data ? <p className="text-sm text-slate-600 dark:text-slate-300">Nothing logged with these filters.</p> : null}
      {log.hasNextPage ? <button type="button" className={`${buttonClass} mt-2`} onClick={() => void log.fetchNextPage()}>Older</button> : null}
    </Panel>
  );
}
