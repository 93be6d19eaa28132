"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { uploadTakeoutPart } from "@/lib/takeout-upload/upload-takeout-part";
import { getJson, sendJson } from "../api";
import { formatBytes } from "../format";
import { EmptyState, ErrorState, GridSkeleton, ScreenHeader, primaryButtonClass } from "../states";
import type { ImportSummary } from "@/lib/takeout/list-imports";

type Sending = { name: string; sent: number; size: number }[];

const STATUS: Record<string, string> = { cataloguing: "Reading the parts", importing: "Importing", done: "Done", failed: "Failed", aborted: "Stopped" };
const busy = (status: string) => status === "cataloguing" || status === "importing";

/**
 * Imports: send a Google Takeout (or iCloud export) from this browser — its parts upload
 * resumably, then the box imports them while this page shows progress — and every import run
 * with a link to its report.
 */
export function ImportsScreen() {
  const client = useQueryClient();
  const runs = useQuery({
    queryKey: ["imports"],
    queryFn: () => getJson<{ imports: ImportSummary[] }>("/api/imports"),
    refetchInterval: (query) => (query.state.data?.imports.some((r) => busy(r.status)) ? 1500 : 15_000),
  });
  const [sending, setSending] = useState<Sending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function start(files: File[], includeTrashed: boolean) {
    setProblem(null);
    const progress: Sending = files.map((f) => ({ name: f.name, sent: 0, size: f.size }));
    setSending([...progress]);
    try {
      const paths: string[] = [];
      for (const [i, file] of files.entries()) {
        paths.push(await uploadTakeoutPart(file, { fetch: (input, init) => fetch(input, { credentials: "same-origin", ...init }), onProgress: (sent) => { progress[i]!.sent = sent; setSending([...progress]); } }));
      }
      await sendJson("POST", "/api/imports", { paths, includeTrashed });
      await client.invalidateQueries({ queryKey: ["imports"] });
      setSending(null);
    } catch (error) {
      setProblem(`${(error as Error).message} Choose the same files again to carry on where it stopped.`);
      setSending(null);
    }
  }

  return (
    <>
      <ScreenHeader title="Imports" />
      <section aria-labelledby="start-import" className="mx-4 mb-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="start-import" className="font-semibold">Import a Google Takeout</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Choose every part of one export (the .zip or .tgz files Google sent). They upload to this box — a cut connection carries on where it stopped — and then the box imports them with their dates, places, albums and descriptions. Nothing is deleted from Google.
        </p>
        <form
          className="mt-3 flex flex-wrap items-center gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const files = [...((form.elements.namedItem("parts") as HTMLInputElement).files ?? [])];
            if (files.length) void start(files, (form.elements.namedItem("trashed") as HTMLInputElement).checked);
          }}
        >
          <label className="text-sm">
            <span className="sr-only">Takeout parts</span>
            <input name="parts" type="file" multiple accept=".zip,.tgz,.gz,application/zip,application/gzip" required className="max-w-full text-sm" disabled={sending !== null} />
          </label>
          <label className="flex items-center gap-1.5 text-sm">
            <input name="trashed" type="checkbox" /> Include photos from Google&apos;s trash
          </label>
          <button type="submit" className={primaryButtonClass} disabled={sending !== null}>Upload and import</button>
        </form>
        {sending && (
          <ul className="mt-3 space-y-2 text-sm" aria-label="Uploading parts">
            {sending.map((part) => (
              <li key={part.name}>
                <label className="block break-all">{part.name}: {formatBytes(part.sent)} of {formatBytes(part.size)}
                  <progress className="mt-1 block h-2 w-full accent-sky-700" max={part.size || 1} value={part.sent} />
                </label>
              </li>
            ))}
          </ul>
        )}
        {problem && <p role="alert" className="mt-3 text-sm text-red-800 dark:text-red-200">{problem}</p>}
      </section>
      <h2 className="px-4 pb-2 text-lg font-semibold">Every import</h2>
      {runs.error ? (
        <ErrorState error={runs.error} retry={() => void runs.refetch()} />
      ) : !runs.data ? (
        <GridSkeleton count={3} />
      ) : runs.data.imports.length === 0 ? (
        <EmptyState icon="photos" title="No imports yet">Imports you start here (or with the command line) are listed with their reports.</EmptyState>
      ) : (
        <ul className="space-y-3 px-4 pb-10" data-testid="import-runs">
          {runs.data.imports.map((run) => (
            <li key={run.id} data-status={run.status} className="rounded-xl border border-slate-200 p-3 dark:border-slate-700">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{new Date(run.createdAt).toLocaleString()}</span>
                <span className="text-sm">{STATUS[run.status] ?? run.status}</span>
              </div>
              {run.progress && run.status !== "done" && (
                <label className="mt-1 block text-sm">
                  {run.progress.entriesDone} of {run.progress.entries} files{run.progress.etaSeconds !== null ? ` · about ${Math.ceil(run.progress.etaSeconds / 60)} min left` : ""}
                  <progress className="mt-1 block h-2 w-full accent-sky-700" max={run.progress.bytes || 1} value={run.progress.bytesDone} />
                </label>
              )}
              {run.totals && (
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                  {run.totals.imported} imported · {run.totals.duplicate} already here · {run.totals.skipped} not imported · {run.totals.failed} failed
                  {run.safeToDelete ? " · safe to delete from Google" : ""}
                </p>
              )}
              {run.error && <p className="mt-1 text-sm text-red-800 dark:text-red-200">{run.error}</p>}
              <a href={`/imports/${run.id}`} className="mt-1 inline-block text-sm font-medium text-sky-800 underline dark:text-sky-300">Read the report</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
