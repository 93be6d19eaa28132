"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BackupNowState } from "@/lib/backup/get-backup-now";
import { getJson, sendJson } from "../../api";
import { formatBytes } from "../../format";
import { buttonClass } from "../../states";

const busy = (state: BackupNowState) => state?.status === "pending" || state?.status === "running";

/** "Back up now": starts a backup of every target and shows its progress (by bytes where the target counts them) and outcome. */
export function BackupNow() {
  const client = useQueryClient();
  const [starting, setStarting] = useState(false);
  const { data } = useQuery({
    queryKey: ["backup-now"],
    queryFn: () => getJson<{ backup: BackupNowState }>("/api/admin/backup"),
    refetchInterval: (query) => (busy(query.state.data?.backup ?? null) || starting ? 1000 : false),
  });
  const state = data?.backup ?? null;
  const start = async () => {
    setStarting(true);
    try {
      await sendJson("POST", "/api/admin/backup");
      await client.invalidateQueries({ queryKey: ["backup-now"] });
    } finally {
      setStarting(false);
    }
  };
  return (
    <div className="mt-3 space-y-2" data-testid="backup-now" data-status={state?.status ?? "none"}>
      <button type="button" className={buttonClass} disabled={starting || busy(state)} onClick={() => void start()}>
        Back up now
      </button>
      {busy(state) ? (
        <label className="block text-sm">
          {state!.status === "pending" ? "Starting…" : (state!.progress?.doing ?? "Backing up…")}
          {state!.progress?.bytes ? <span className="ml-1 text-slate-600 dark:text-slate-300" data-testid="backup-bytes">· {formatBytes(state!.progress.bytes.done)} of {formatBytes(state!.progress.bytes.total)}</span> : null}
          <progress className="mt-1 block h-2 w-full accent-sky-700" max={1} value={state!.progress?.fraction ?? 0} />
        </label>
      ) : state?.status === "done" ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-200">
          Backed up and checked{state.progress?.bytes?.total ? ` ${formatBytes(state.progress.bytes.total)} of originals` : ""} at {new Date(state.finishedAt ?? state.startedAt).toLocaleTimeString()}.
        </p>
      ) : state?.status === "failed" ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">{state.error ?? "The backup failed."}</p>
      ) : null}
    </div>
  );
}
