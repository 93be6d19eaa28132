"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../../api";
import { formatBytes } from "../../format";
import { ErrorState } from "../../states";
import type { LibraryStatus } from "../../types";
import { BackupNow } from "./backup-now";
import { Panel } from "./panel";
import { PlainText, Technical } from "./plain-text";

/** Storage use, backups, and who may sign in (with the Tailscale notes). */
export function LibraryOverview() {
  const { data, error } = useQuery({ queryKey: ["admin-status"], queryFn: () => getJson<LibraryStatus>("/api/admin/status"), refetchInterval: 30_000 });
  if (error) return <ErrorState error={error} />;
  if (!data) return <div className="h-64 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />;
  const { storage, backup, identity } = data;
  const rows: [string, string][] = [
    ["Originals", `${formatBytes(storage.originals.bytes)} · ${storage.originals.files} files`],
    ["Thumbnails and derived", `${formatBytes(storage.derived.bytes)} · ${storage.derived.files} files`],
    ["Database", formatBytes(storage.database.bytes)],
    ["In the trash", `${formatBytes(storage.trash.bytes)} · ${storage.trash.files} items`],
  ];
  const used = storage.disk ? storage.disk.totalBytes - storage.disk.freeBytes : 0;
  return (
    <>
      <Panel title="Storage" id="storage">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="storage">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600 dark:text-slate-300">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {storage.disk ? (
          <div className="mt-3">
            <label htmlFor="disk-use" className="text-sm">Disk: {formatBytes(storage.disk.freeBytes)} free of {formatBytes(storage.disk.totalBytes)}</label>
            <progress id="disk-use" className="mt-1 block h-2 w-full accent-sky-700" max={storage.disk.totalBytes} value={used} />
          </div>
        ) : null}
      </Panel>
      <Panel title="Backups" id="backups">
        {backup.health.warnings.length > 0 ? (
          <div role="alert">
            <ul className="mb-2 list-disc space-y-1 pl-5 text-sm font-medium text-amber-800 dark:text-amber-200">
              {backup.health.warnings.map((warning) => (
                <li key={warning.message}><PlainText text={warning.message} /></li>
              ))}
            </ul>
          </div>
        ) : null}
        <ul className="space-y-1 text-sm">
          {backup.health.targets.map((t) => (
            <li key={t.kind}>
              <code className="break-all">{t.target}</code>{t.sameFilesystem ? " (same disk as the library)" : " (off this disk)"}:{" "}
              {t.lastBackupAt ? `last backup ${new Date(t.lastBackupAt).toLocaleString()}` : "no backup yet"}
              {t.verifiedAt ? `, verified ${new Date(t.verifiedAt).toLocaleString()}` : ", not verified yet"}.
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          {backup.everyHours > 0 ? `Automatic every ${backup.everyHours} h into ${backup.dir}, keeping ${backup.keep}.` : "Automatic backups are off."}
        </p>
        <BackupNow />
        <Technical summary="How to set up backups">
          Backups go to a folder (ALBUMS_BACKUP_DIR, best on another disk) and, when set, a restic repository on another machine (ALBUMS_BACKUP_REPOSITORY). ALBUMS_BACKUP_EVERY_HOURS sets how often they run (0 turns them off). Set these in the box&apos;s environment file and restart it (see the README, &ldquo;Backups&rdquo;).
        </Technical>
      </Panel>
      <Panel title="Identity and Tailscale" id="identity">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>Owner: {identity.owners.length ? identity.owners.join(", ") : "none set — only programs on this box (and the passphrase) can sign in"}.</li>
          <li>Listening on {identity.host}:{identity.port}{identity.allowLan ? " (your home network may connect)" : " (this machine only; your devices reach it through Tailscale)"}.</li>
          <li>Script access key: {identity.apiToken ? "set" : "not set"}; per-script keys below.</li>
          <li>Trash: {data.trashDays > 0 ? `emptied after ${data.trashDays} days` : "kept until you empty it"}.</li>
        </ul>
        <Technical>
          The owner is ALBUMS_OWNER (your Tailscale login), the script key ALBUMS_API_TOKEN, the trash&apos;s keeping time ALBUMS_TRASH_DAYS. Reach the box from your phone with <code className="break-all">sudo tailscale serve --bg {identity.port}</code>; never with <code>tailscale funnel</code>.
        </Technical>
      </Panel>
    </>
  );
}
