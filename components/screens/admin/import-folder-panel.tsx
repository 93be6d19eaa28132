"use client";
import { useQuery } from "@tanstack/react-query";
import type { ImportFolderStatus } from "@/lib/import-folder/get-import-folder-status";
import { getJson } from "../../api";
import { formatDateTime } from "../../format";
import { ErrorState } from "../../states";
import { Panel } from "./panel";
import { Technical } from "./plain-text";

const LABELS = { waiting: "waiting", ingested: "ingested", moved: "moved to imported/", skipped: "skipped", failed: "failed" } as const;

/** Settings → Import folder (ALBUMS_IMPORT_DIR): the folder, its last poll, files per state, and the files left in place with their reasons. */
export function ImportFolderPanel() {
  const { data, error } = useQuery({ queryKey: ["import-folder"], queryFn: () => getJson<{ importFolder: ImportFolderStatus | null }>("/api/admin/import-folder"), refetchInterval: 5000 });
  if (error) return <ErrorState error={error} />;
  const status = data?.importFolder;
  return (
    <Panel title="Import folder" id="import-folder">
      {data && !status ? (
        <p className="text-sm">
          Off. Name a folder on the box (for example the one Syncthing fills from your phone) and the new photos there are copied in.
          <Technical>Set ALBUMS_IMPORT_DIR to that folder and restart Albums; docs/SYNCTHING.md explains the phone side.</Technical>
        </p>
      ) : status ? (
        <div className="space-y-2 text-sm" data-testid="import-folder">
          <p>
            <span className="break-all font-medium">{status.folder}</span> · checked every {status.pollSeconds} s · {status.move ? "ingested files are moved to imported/" : "files are left where they are"}
          </p>
          <p>Last poll: {status.lastPollAt ? formatDateTime(status.lastPollAt, null, "medium") : "not yet"}</p>
          {status.error ? <p className="text-red-800 dark:text-red-200">The folder could not be read: {status.error}</p> : null}
          <ul className="flex flex-wrap gap-x-4" data-testid="import-folder-counts">
            {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((state) => (
              <li key={state}>
                <span className="font-medium">{status.counts[state]}</span> {LABELS[state]}
              </li>
            ))}
          </ul>
          {status.problems.length > 0 ? (
            <ul className="space-y-1" data-testid="import-folder-problems">
              {status.problems.map((p) => (
                <li key={p.path}>
                  <span className="break-all font-medium">{p.path}</span> — {p.state === "skipped" ? "left in place" : "will be tried again"}: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Panel>
  );
}
