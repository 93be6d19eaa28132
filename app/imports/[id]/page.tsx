import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { identify } from "@/lib/http/api-route";
import { getServerDeps } from "@/lib/server/deps";
import { getImport } from "@/lib/takeout/list-imports";

export default async function ImportReportPage({ params }: { params: Promise<{ id: string }> }) {
  const deps = await getServerDeps();
  if (!(await identify(new Headers(await headers()), deps))) {
    return <main className="mx-auto max-w-3xl p-6">Sign in to see this import (Tailscale, passphrase or an API token).</main>;
  }
  const { id } = await params;
  const run = await getImport(deps, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (!run) return <main className="mx-auto max-w-3xl p-6">No such import.</main>;
  const report = run.report;
  const notImported = report?.items.filter((i) => i.status === "skipped" || i.status === "failed") ?? [];
  const from = report?.source === "icloud" ? "iCloud" : "Google";
  return (
    <main className="mx-auto max-w-3xl space-y-6 p-6">
      <h1 className="text-2xl font-semibold">{report?.source === "icloud" ? "iCloud Photos import" : "Google Takeout import"}</h1>
      {run.progress && run.status !== "done" ? (
        <section aria-label="Progress">
          <progress className="w-full" max={run.progress.bytes || 1} value={run.progress.bytesDone} />
          <p className="text-sm">
            {run.progress.entriesDone} of {run.progress.entries} files · {(run.progress.rate / 1e6).toFixed(1)} MB/s
            {run.progress.etaSeconds !== null ? ` · about ${Math.ceil(run.progress.etaSeconds / 60)} min left` : ""}
          </p>
        </section>
      ) : null}
      {run.status === "aborted" ? <p role="alert" className="rounded bg-red-100 p-3 text-red-900">Aborted: {run.error}</p> : null}
      {report ? (
        <>
          <p role="status" className={`rounded p-3 font-medium ${report.safeToDelete ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
            {report.safeToDelete ? `Safe to delete from ${from}: every photo, video and file is accounted for and in a verified backup off this disk.` : `Not safe to delete from ${from} yet: ${report.blockers.join("; ")}.`}
          </p>
          <dl className="grid grid-cols-2 gap-1 text-sm">
            <dt>Imported</dt>
            <dd>{report.totals.imported}</dd>
            <dt>Already in the library</dt>
            <dd>{report.totals.duplicate}{report.totals.updated ? ` (${report.totals.updated} updated by this export)` : ""}</dd>
            <dt>Not imported (with reason)</dt>
            <dd>{report.totals.skipped}</dd>
            <dt>Failed</dt>
            <dd>{report.totals.failed}</dd>
            {report.custody ? (
              <>
                <dt>In a verified backup off this disk</dt>
                <dd>
                  {report.custody.backedUp} of {report.custody.originals} originals{report.custody.verifiedAt ? ` (verified ${report.custody.verifiedAt})` : ""}
                </dd>
              </>
            ) : null}
          </dl>
          <table className="w-full text-left text-sm">
            <caption className="text-left font-medium">Parts</caption>
            <thead>
              <tr><th>Part</th><th>Entries</th><th>Media and files</th></tr>
            </thead>
            <tbody>
              {report.parts.map((p) => (
                <tr key={p.part}><td>{p.part}</td><td>{p.entries}</td><td>{Object.entries(p.byStatus).map(([k, v]) => `${v} ${k}`).join(", ")}</td></tr>
              ))}
            </tbody>
          </table>
          <table className="w-full text-left text-sm">
            <caption className="text-left font-medium">Albums</caption>
            <thead>
              <tr><th>Album</th><th>In the export</th><th>In Albums</th></tr>
            </thead>
            <tbody>
              {report.albums.map((a) => (
                <tr key={a.folder}><td>{a.title}</td><td>{a.expected}</td><td>{a.present}</td></tr>
              ))}
            </tbody>
          </table>
          {notImported.length > 0 ? (
            <section>
              <h2 className="font-medium">Not imported</h2>
              <ul className="text-sm">
                {notImported.map((i) => (
                  <li key={`${i.part}/${i.path}`}>{i.path}: {i.reason}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
