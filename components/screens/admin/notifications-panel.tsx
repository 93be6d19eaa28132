"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../../api";
import { buttonClass, ErrorState } from "../../states";
import { Panel } from "./panel";
import { Technical } from "./plain-text";

type Channel = { channel: string; target: string };
type Result = { channel: string; ok: boolean; error: string | null };

/** Settings → Notifications: where problems are sent (ALBUMS_NOTIFY_*, none by default) and a test message. */
export function NotificationsPanel() {
  const { data, error } = useQuery({ queryKey: ["notifications"], queryFn: () => getJson<{ channels: Channel[] }>("/api/admin/notifications") });
  const [results, setResults] = useState<Result[] | null>(null);
  const [sending, setSending] = useState(false);
  if (error) return <ErrorState error={error} />;
  const channels = data?.channels ?? [];
  return (
    <Panel title="Notifications" id="notifications">
      {channels.length === 0 ? (
        <>
          <p className="text-sm">None: problems show here only. The box can send them to your phone (ntfy), a web hook or e-mail.</p>
          <Technical summary="How to set up notifications">Set ALBUMS_NOTIFY_NTFY, ALBUMS_NOTIFY_WEBHOOK or ALBUMS_NOTIFY_SMTP in the box&apos;s environment file and restart it (see the README).</Technical>
        </>
      ) : (
        <>
          <ul className="space-y-1 text-sm" data-testid="notify-channels">
            {channels.map((c) => (
              <li key={c.channel}>
                <span className="font-medium">{c.channel}</span> <span className="break-all">{c.target}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={`${buttonClass} mt-2`}
            disabled={sending}
            onClick={async () => {
              setSending(true);
              try {
                setResults((await sendJson<{ results: Result[] }>("POST", "/api/admin/notifications")).results);
              } finally {
                setSending(false);
              }
            }}
          >
            Send test
          </button>
        </>
      )}
      {results ? (
        <div role="status">
          <ul className="mt-2 space-y-1 text-sm" data-testid="notify-results">
            {results.map((r) => (
              <li key={r.channel} className={r.ok ? "text-emerald-800 dark:text-emerald-200" : "text-red-800 dark:text-red-200"}>
                {r.channel}: {r.ok ? "sent" : `failed (${r.error})`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Panel>
  );
}
