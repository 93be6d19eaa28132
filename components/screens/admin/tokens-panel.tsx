"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getJson, sendJson } from "../../api";
import { buttonClass, ErrorState, inputClass, primaryButtonClass } from "../../states";
import { Panel } from "./panel";

type TokenInfo = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** API tokens for scripts: create (shown once), list, revoke. */
export function TokensPanel() {
  const client = useQueryClient();
  const { data, error } = useQuery({ queryKey: ["tokens"], queryFn: () => getJson<{ tokens: TokenInfo[] }>("/api/admin/tokens") });
  const [name, setName] = useState("");
  const [fresh, setFresh] = useState<string | null>(null);
  return (
    <Panel title="API tokens" id="tokens">
      <form
        className="flex gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const { token } = await sendJson<{ token: string }>("POST", "/api/admin/tokens", { name });
          setFresh(token);
          setName("");
          await client.invalidateQueries({ queryKey: ["tokens"] });
        }}
      >
        <label htmlFor="token-name" className="sr-only">Token name</label>
        <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. laptop import script" className={`${inputClass} min-w-0 flex-1`} />
        <button type="submit" className={primaryButtonClass}>Create token</button>
      </form>
      {fresh ? <p role="status" className="mt-2 break-all rounded bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">Copy it now, it is not shown again: <code>{fresh}</code></p> : null}
      {error ? <ErrorState error={error} /> : null}
      <ul className="mt-3 space-y-1 text-sm">
        {(data?.tokens ?? []).map((t) => (
          <li key={t.id} className={`flex items-center gap-2 ${t.revokedAt ? "text-slate-600 line-through dark:text-slate-300" : ""}`}>
            <span className="font-medium">{t.name}</span>
            <code>{t.prefix}…</code>
            <span className="flex-1 text-slate-600 dark:text-slate-300">{t.lastUsedAt ? `used ${new Date(t.lastUsedAt).toLocaleDateString()}` : "never used"}</span>
            {!t.revokedAt ? <button type="button" className={buttonClass} onClick={async () => { await sendJson("DELETE", `/api/admin/tokens/${t.id}`); await client.invalidateQueries({ queryKey: ["tokens"] }); }}>Revoke</button> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
