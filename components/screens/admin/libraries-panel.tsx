"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { LibraryView } from "@/lib/libraries/list-libraries";
import { getJson, sendJson } from "../../api";
import { buttonClass, ErrorState, inputClass, primaryButtonClass } from "../../states";
import { Panel } from "./panel";

/** External libraries (folders indexed in place, never written): add, remove with confirmation, state, scan progress, and whether backups include them. */
export function LibrariesPanel() {
  const client = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ["libraries"],
    queryFn: () => getJson<{ libraries: LibraryView[]; backupOriginals: boolean }>("/api/libraries"),
    refetchInterval: (query) => (query.state.data?.libraries.some((l) => l.scan) ? 3_000 : 30_000),
  });
  const [root, setRoot] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["libraries"] });
  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await run();
    } catch (e) {
      setProblem(e);
    }
    await refresh();
  };
  return (
    <Panel title="External libraries" id="libraries">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        Folders Albums indexes where they are (a Pictures folder, a NAS share). It only reads them: nothing inside is copied, changed or deleted. A library that is not mounted shows as offline until it is back.
      </p>
      <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); void act(async () => { await sendJson("POST", "/api/libraries", { root }); setRoot(""); }); }}>
        <label htmlFor="library-root" className="sr-only">Folder on this box</label>
        <input id="library-root" required value={root} onChange={(e) => setRoot(e.target.value)} placeholder="/srv/photos" className={`${inputClass} min-w-0 flex-1`} />
        <button type="submit" className={primaryButtonClass}>Add library</button>
      </form>
      {error ? <ErrorState error={error} /> : null}
      {problem ? <ErrorState error={problem} /> : null}
      <ul className="mt-3 space-y-3 text-sm">
        {(data?.libraries ?? []).map((l) => (
          <li key={l.id} className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 break-all">{l.root}</code>
              <span className={l.state === "online" ? "text-emerald-700 dark:text-emerald-300" : "text-amber-700 dark:text-amber-300"}>{l.state === "online" ? "online" : "offline"}</span>
            </div>
            <div className="text-slate-600 dark:text-slate-300">
              {l.files} photos{l.missing ? `, ${l.missing} missing` : ""} · last scan {l.lastScanAt ? new Date(l.lastScanAt).toLocaleString() : "never"}
              {l.reason ? ` · ${l.reason}` : ""}
              {l.origin === "env" ? " · named in the box's settings" : ""}
            </div>
            {l.scan ? (
              <div role="status" className="text-slate-600 dark:text-slate-300">
                Scanning: {l.scan.seen} files seen, {l.scan.new} new, {l.scan.changed} changed · {l.scan.filesPerSecond} files/s{l.scan.etaSeconds !== null ? ` · about ${Math.ceil(l.scan.etaSeconds / 60)} min left` : ""}
              </div>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonClass} onClick={() => void act(() => sendJson("POST", `/api/libraries/${l.id}/scan`))}>Scan now</button>
              {l.origin !== "env" && confirming !== l.id ? <button type="button" className={buttonClass} onClick={() => setConfirming(l.id)}>Remove…</button> : null}
              {confirming === l.id ? (
                <>
                  <span className="basis-full">Its {l.files} photos leave the gallery (with their albums, faces and captions, unless they also live elsewhere). Its files stay untouched.</span>
                  <button type="button" className={primaryButtonClass} onClick={() => void act(async () => { await sendJson("DELETE", `/api/libraries/${l.id}`); setConfirming(null); })}>Remove from Albums</button>
                  <button type="button" className={buttonClass} onClick={() => setConfirming(null)}>Keep</button>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <label className="mt-4 flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={data?.backupOriginals ?? false} onChange={(e) => void act(() => sendJson("PATCH", "/api/libraries", { backupOriginals: e.target.checked }))} />
        <span>
          Back up the originals of external libraries too. Off by default: those folders may already be backed up where they live (the NAS), and copying them doubles the backup. Their thumbnails, albums, faces and captions are always in the backup.
        </span>
      </label>
    </Panel>
  );
}
